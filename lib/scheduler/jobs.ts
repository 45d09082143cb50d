import "server-only";

import { pruneDigestHistory } from "@/lib/digest/prune-digest-history";
import { runScheduledDigest } from "@/lib/digest/run-scheduled-digest";
import { env } from "@/lib/env";
import { runDailyIngest } from "@/lib/ingest/run-daily-ingest";
import { retryPendingImports } from "@/lib/library/retry-pending-imports";
import { sendQueuedMail } from "@/lib/mail/mail-queue";
import { refreshSimilarPapers } from "@/lib/similarity/refresh-similar-papers";

import type { ScheduledJob } from "./scheduled-job";

/**
 * Every job the scheduler runs. Jobs with the same schedule run one after another in this order,
 * so a job that needs fresh papers (the digest) goes after the ingest with the same schedule.
 */
export const scheduledJobs: ScheduledJob[] = [
  { name: "ingest", schedule: env.INGEST_CRON, run: runDailyIngest },
  { name: "digest", schedule: env.DIGEST_CRON, run: runScheduledDigest },
  { name: "mail-retry", schedule: "* * * * *", run: sendQueuedMail },
  { name: "digest-cleanup", schedule: "40 4 * * *", run: () => pruneDigestHistory() },
  // Papers an ingest command, a submission or an edit queued: vectors and similar papers off the write path.
  { name: "similar-papers", schedule: "*/5 * * * *", run: refreshSimilarPapers },
  { name: "library-imports", schedule: "*/10 * * * *", run: () => retryPendingImports() },
];
