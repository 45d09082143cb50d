/** A job the in-process scheduler runs: `schedule` is a cron pattern in UTC. */
export type ScheduledJob = { name: string; schedule: string; run: () => Promise<unknown> };
