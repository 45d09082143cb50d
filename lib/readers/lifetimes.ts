const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** A sign-in link is used within minutes of asking for it; anything older is more likely stolen. */
export const SIGN_IN_LINK_LIFETIME_MS = 15 * MINUTE_MS;
/** A session ends after this long without use; each use (at most once an hour) moves the end forward. */
export const SESSION_IDLE_MS = 30 * DAY_MS;
export const SESSION_TOUCH_INTERVAL_MS = 60 * MINUTE_MS;
