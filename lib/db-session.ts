/**
 * Settings every database session of the app starts with. work_mem: a search intersects index
 * bitmaps of up to a few hundred thousand papers (a common word at a million papers); above the
 * default 4 MB PostgreSQL keeps them by page instead of by row and then re-tests every row of
 * those pages, which made "author:Ruan object" take 240 ms instead of 50. Sorts and hashes of the
 * app stay far below it. (Behind PgBouncer, which refuses startup options, set it on the role.)
 */
export const DATABASE_SESSION_OPTIONS = "-c work_mem=32MB";
