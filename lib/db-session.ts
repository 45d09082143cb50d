/**
 * Settings every database session of the app starts with. (Behind PgBouncer, which refuses startup
 * options, give them to the role instead; see docs/deployment.md.)
 *
 * - work_mem: a search intersects index bitmaps of up to a few hundred thousand papers (a common
 *   word at a million papers); above the default 4 MB PostgreSQL keeps them by page instead of by
 *   row and then re-tests every row of those pages, which made "author:Ruan object" take 240 ms
 *   instead of 50. Sorts and hashes of the app stay far below it.
 * - max_parallel_workers_per_gather: the app's queries read a few thousand rows at most, where
 *   starting parallel workers costs more than it saves (a phrase's page: 14 ms alone, 22-100 ms
 *   with two workers), and concurrent requests already keep every core busy.
 */
export const DATABASE_SESSION_OPTIONS = "-c work_mem=32MB -c max_parallel_workers_per_gather=0";

/** The settings of sessions that serve page and API reads: a statement past the timeout is cancelled. */
export function readSessionOptions(statementTimeoutMs: number): string {
  return `${DATABASE_SESSION_OPTIONS} -c statement_timeout=${statementTimeoutMs}`;
}
