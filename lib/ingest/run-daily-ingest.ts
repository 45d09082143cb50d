import "server-only";

import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { addDays, todayUtc } from "@/lib/papers/feed-period";
import { withJobLease } from "@/lib/scheduler/job-lease";
import { refreshSimilarPapers } from "@/lib/similarity/refresh-similar-papers";

import { ingestArxivIds } from "./ingest-arxiv-ids";
import { ingestArxivListing } from "./ingest-arxiv-listing";
import { ingestDailyPapers } from "./ingest-daily-papers";
import type { IngestSummary } from "./run-ingest";

export type DailyIngestRun = { source: "arxiv" | "huggingface"; label: string; summary: IngestSummary };
export type DailyIngestReport = {
  ok: boolean;
  startedAt: string;
  finishedAt: string;
  runs: DailyIngestRun[];
  /** True when another instance was already running the ingest, so this call did nothing. */
  runningElsewhere?: true;
};

/** Hugging Face papers still without arXiv metadata are looked up by id, at most this many a day. */
const ENRICH_LIMIT = 200;

let running: Promise<DailyIngestReport> | null = null;

/**
 * The daily ingest, for the scheduler and /api/cron/ingest: the last two days of the configured
 * arXiv categories (the overlap catches late listings; re-reading is free), Hugging Face's daily
 * papers for yesterday and today, then arXiv metadata (categories, versions) for papers known only
 * from Hugging Face. A failing source is logged and reported; the others still run. A second call
 * while one is running joins it instead of starting another; while another instance runs it, the
 * call returns at once with `runningElsewhere`.
 */
export function runDailyIngest(now = new Date()): Promise<DailyIngestReport> {
  running ??= ingestOnce(now).finally(() => {
    running = null;
  });
  return running;
}

async function ingestOnce(now: Date): Promise<DailyIngestReport> {
  const startedAt = new Date().toISOString();
  const leased = await withJobLease("ingest", () => ingestAll(now));
  if (leased.ran) return leased.value;
  console.info("[ingest] another instance is running the ingest; skipped");
  return { ok: true, startedAt, finishedAt: new Date().toISOString(), runs: [], runningElsewhere: true };
}

async function ingestAll(now: Date): Promise<DailyIngestReport> {
  const startedAt = new Date().toISOString();
  const runs: DailyIngestRun[] = [];
  const record = (run: DailyIngestRun) => {
    runs.push(run);
    const { inserted, updated, unchanged, failed, error } = run.summary;
    const line = `[ingest] ${run.label}: ${inserted} new, ${updated} updated, ${unchanged} unchanged, ${failed} failed`;
    if (error) console.error(`${line}; stopped: ${error}`);
    else console.info(line);
  };

  const categories = env.INGEST_CATEGORIES;
  const from = new Date(now.getTime() - 2 * 86_400_000);
  record({ source: "arxiv", label: `arXiv ${categories.join(", ")}`, summary: await ingestArxivListing({ categories, from, to: now }) });

  const today = todayUtc(now);
  for (const date of [addDays(today, -1), today]) {
    record({ source: "huggingface", label: `Hugging Face daily papers ${date}`, summary: await ingestDailyPapers(date) });
  }

  const withoutMetadata = await db.paper.findMany({
    where: { source: "huggingface", version: null },
    select: { arxivId: true },
    orderBy: { createdAt: "desc" },
    take: ENRICH_LIMIT,
  });
  if (withoutMetadata.length > 0) {
    const ids = withoutMetadata.map((paper) => paper.arxivId);
    record({ source: "arxiv", label: `arXiv metadata for ${ids.length} Hugging Face papers`, summary: await ingestArxivIds(ids) });
  }

  await refreshSimilarity();
  return { ok: runs.every((run) => run.summary.error === null), startedAt, finishedAt: new Date().toISOString(), runs };
}

/** Similar papers for what arrived, before the digest that follows; a failure leaves them queued for the next refresh. */
async function refreshSimilarity(): Promise<void> {
  try {
    const { papers } = await refreshSimilarPapers();
    if (papers > 0) console.info(`[ingest] similar papers refreshed for ${papers} papers`);
  } catch (error) {
    console.error("[ingest] similar papers could not be refreshed; they stay queued", error);
  }
}
