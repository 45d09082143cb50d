import type pg from "pg";

/**
 * Resolves once a statement containing `statement` waits on a lock in this database, as seen from
 * `watcher` (a connection of its own): how a race test knows the other side has reached the row it holds.
 */
export async function untilWaitingOnLock(watcher: pg.Client, statement: string): Promise<void> {
  for (let waited = 0; ; waited += 20) {
    const { rows } = await watcher.query<{ waiting: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
                      AND position($1 IN query) > 0) AS waiting`,
      [statement],
    );
    if (rows[0]!.waiting) return;
    if (waited > 10_000) throw new Error(`no statement with "${statement}" came to wait on a lock`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
