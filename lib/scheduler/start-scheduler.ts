import "server-only";

import { Cron } from "croner";

import { env } from "@/lib/env";

import { scheduledJobs } from "./jobs";
import type { ScheduledJob } from "./scheduled-job";

// Next.js may call instrumentation more than once per process; the timers must exist once.
const globalForScheduler = globalThis as unknown as { paperpulseScheduler?: Cron[] };

/**
 * Starts the in-process scheduler (unless SCHEDULER=off): one timer per schedule, running its jobs
 * in order. A failing job is logged and the next still runs; a run still going when the next is due
 * is not started twice.
 */
export function startScheduler(jobs: ScheduledJob[] = scheduledJobs): Cron[] {
  if (env.SCHEDULER === "off") return [];
  if (globalForScheduler.paperpulseScheduler) return globalForScheduler.paperpulseScheduler;

  const bySchedule = new Map<string, ScheduledJob[]>();
  for (const job of jobs) bySchedule.set(job.schedule, [...(bySchedule.get(job.schedule) ?? []), job]);

  const timers: Cron[] = [];
  for (const [schedule, group] of bySchedule) {
    const names = group.map((job) => job.name).join(" → ");
    try {
      const timer = new Cron(schedule, { name: names, timezone: "UTC", protect: true, unref: true }, async () => {
        for (const job of group) {
          try {
            await job.run();
          } catch (error) {
            console.error(`[scheduler] ${job.name} failed:`, error);
          }
        }
      });
      timers.push(timer);
      console.info(`[scheduler] ${names} at "${schedule}" UTC; next run ${timer.nextRun()?.toISOString() ?? "never"}`);
    } catch (error) {
      console.error(`[scheduler] cannot schedule ${names} at "${schedule}":`, error instanceof Error ? error.message : error);
    }
  }
  globalForScheduler.paperpulseScheduler = timers;
  return timers;
}
