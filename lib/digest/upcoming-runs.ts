import "server-only";

import { Cron } from "croner";

import { env } from "@/lib/env";

/** Two days of runs show at what local time the first run at or after DIGEST_SEND_HOUR falls, in any zone. */
const HOURS_AHEAD = 48;

/**
 * When the digest will run next (DIGEST_CRON, in UTC) over the coming two days, with the local hour
 * from which a subscriber's digest is due (DIGEST_SEND_HOUR): what the subscribe form needs to say
 * when digests arrive in the reader's own time zone (see describeArrival).
 */
export function upcomingDigestRuns(now = new Date()): { runs: string[]; sendHour: number } {
  const cron = new Cron(env.DIGEST_CRON, { timezone: "UTC", paused: true });
  const until = now.getTime() + HOURS_AHEAD * 3_600_000;
  const runs: string[] = [];
  for (let next = cron.nextRun(now); next && next.getTime() <= until && runs.length < 1_000; next = cron.nextRun(next)) {
    runs.push(next.toISOString());
  }
  return { runs, sendHour: env.DIGEST_SEND_HOUR };
}
