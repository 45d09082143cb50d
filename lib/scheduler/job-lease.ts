import "server-only";

import { db } from "@/lib/db";

import { claimToken } from "./instance-token";

const LEASE_MS = 120_000;

export type LeasedRun<T> = { ran: true; value: T } | { ran: false };

/**
 * Runs `run` unless another run of `job` holds the lease, on this instance or any other. The lease
 * is renewed while the run goes on and released when it ends; one whose instance died expires
 * after two minutes and is taken over.
 */
export async function withJobLease<T>(job: string, run: () => Promise<T>): Promise<LeasedRun<T>> {
  const token = claimToken();
  const taken = await db.$queryRaw<unknown[]>`
    INSERT INTO job_lease AS lease (job, holder, expires_at)
    VALUES (${job}, ${token}, now() + ${LEASE_MS}::int * interval '1 millisecond')
    ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
      WHERE lease.expires_at < now()
    RETURNING job`;
  if (taken.length === 0) return { ran: false };

  const renew = setInterval(() => {
    db.$executeRaw`UPDATE job_lease SET expires_at = now() + ${LEASE_MS}::int * interval '1 millisecond' WHERE job = ${job} AND holder = ${token}`.catch(
      (error: unknown) => console.error(`[lease] cannot renew ${job}:`, error),
    );
  }, LEASE_MS / 3);
  renew.unref();
  try {
    return { ran: true, value: await run() };
  } finally {
    clearInterval(renew);
    // Left behind when the database is away, the lease expires by itself.
    await db.$executeRaw`DELETE FROM job_lease WHERE job = ${job} AND holder = ${token}`.catch(() => undefined);
  }
}
