/**
 * The two cookies that let a browser with something personal (a session, its own votes) get the
 * page everybody gets and fetch its own state afterwards (components/viewer-state.ts). Neither
 * holds a secret, and scripts read and write them, so neither is HttpOnly.
 */

/** Set by the site's own script: this browser runs scripts, so it can fill in what is its own. */
export const SCRIPTS_COOKIE = "pp_js";

/** Kept by the proxy while a browser holds a session or has voted: its script fetches its state. */
export const PERSONAL_COOKIE = "pp_personal";

/** Both live as long as the longest cookie a browser keeps; the proxy drops PERSONAL_COOKIE when it no longer applies. */
export const HINT_COOKIE_MAX_AGE = 400 * 24 * 3600;
