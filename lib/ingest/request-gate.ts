import "server-only";

import { db } from "@/lib/db";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type RequestGate = { wait: () => Promise<void> };

/**
 * Spaces requests to one host at least `intervalMs` apart across every instance on the database
 * (the schedulers, cron routes, the CLI and the submit page of all of them talk to arXiv). Each
 * caller atomically moves the host's next allowed time one interval on and waits for the slot it
 * took, so callers go in the order they asked. The database's clock decides, not the instances'.
 */
export function createRequestGate(url: string, intervalMs: number): RequestGate {
  const host = new URL(url).host;
  return {
    async wait() {
      if (intervalMs <= 0) return;
      const [slot] = await db.$queryRaw<{ waitMs: number }[]>`
        INSERT INTO request_gate AS gate (host, next_allowed_at)
        VALUES (${host}, clock_timestamp() + ${intervalMs}::int * interval '1 millisecond')
        ON CONFLICT (host) DO UPDATE
          SET next_allowed_at = greatest(gate.next_allowed_at, clock_timestamp()) + ${intervalMs}::int * interval '1 millisecond'
        RETURNING greatest(0, extract(epoch FROM gate.next_allowed_at - clock_timestamp()) * 1000 - ${intervalMs})::float8 AS "waitMs"`;
      if (slot && slot.waitMs > 0) await sleep(slot.waitMs);
    },
  };
}
