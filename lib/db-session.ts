/**
 * Settings every database session of the app starts with: enough work_mem that a search's index
 * bitmaps stay exact (one search: 240 ms with the default, 50 with this), and no parallel workers,
 * which cost more than they save on queries of a few thousand rows. The measurements, and what to
 * do behind PgBouncer: docs/deployment.md (Session settings).
 */
export const DATABASE_SESSION_OPTIONS = "-c work_mem=32MB -c max_parallel_workers_per_gather=0";

/** The settings of sessions that serve page and API reads: a statement past the timeout is cancelled. */
export function readSessionOptions(statementTimeoutMs: number): string {
  return `${DATABASE_SESSION_OPTIONS} -c statement_timeout=${statementTimeoutMs}`;
}
