/**
 * At most as many papers as one page lists (the feed's and a search's pages hold 50 at most). A
 * module of its own because the browser's state fetch (components/viewer-state.ts) needs it too,
 * and the query schema's zod must not reach the client bundle.
 */
export const MAX_VIEWER_PAPERS = 100;
