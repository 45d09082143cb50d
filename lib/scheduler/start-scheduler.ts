import "server-only";

import { Cron } from "croner";

import { env } from "@/lib/env";

import { claimSlot } from "./claim-slot";
import { scheduledJobs } from "./jobs";
import type { ScheduledJob } from "./scheduled-job";

// Next.js may call instrumentation more than once per process; the timers must exist once.
const globalForScheduler = globalThis as unknown as { paperpulseScheduler?: Cron[] };

/** How early a timer may wake; every schedule here is minutes or more apart. */
const EARLY_WAKE_MS = 5_000;

/**
 * Starts the in-process scheduler (unless SCHEDULER=off): one timer per schedule, running its jobs
 * in order. A failing job is logged and the next still runs; a run still going when the next is due
 * is not started twice. Every instance on the database runs such a timer, and the first to claim a
 * slot runs it, so each slot runs once however many instances there are.
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
      const timer = new Cron(schedule, { name: names, timezone: "UTC", protect: true, unref: true }, async (self) => {
        // The slot is the scheduled time, not the moment this timer woke, so instances agree on it.
        // A timer may wake a few milliseconds early: looking back from slightly ahead finds its own
        // slot rather than the one before (a year before, for a yearly pattern).
        const slot = self.previousRuns(1, new Date(Date.now() + EARLY_WAKE_MS))[0];
        if (!slot) return;
        try {
          if (!(await claimSlot(names, slot))) return;
        } catch (error) {
          console.error(`[scheduler] cannot claim ${names} at ${slot.toISOString()}:`, error);
          return;
        }
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
