import "server-only";

import { db } from "@/lib/db";
import { arxivOptions, type ArxivOptions } from "@/lib/ingest/arxiv/arxiv-options";
import { ingestArxivIds } from "@/lib/ingest/ingest-arxiv-ids";

import { countRecords, findArxivIds } from "./find-arxiv-ids";
import { savePapers } from "./save-papers";
import { addTags } from "./tag-papers";

/** Ids one import takes; a bigger library comes in several files. */
export const MAX_IMPORT_IDS = 5_000;
/** Unknown papers fetched from arXiv while the reader waits (one request); the rest follow in the background. */
const FETCH_NOW = 100;

export type ImportSummary = {
  /** Distinct arXiv ids found. */
  found: number;
  /** Records or mentions naming a paper found earlier in the same import. */
  duplicates: number;
  /** BibTeX entries or RIS records in a file, and how many of them name no arXiv paper. */
  records: number;
  recordsWithoutId: number;
  /** Newly saved (already in PaperPulse, or fetched from arXiv just now). */
  added: string[];
  fetched: string[];
  alreadySaved: string[];
  /** Not in PaperPulse and arXiv could not be asked yet: saved automatically once fetched. */
  waiting: { arxivId: string; reason: string }[];
  /** arXiv has no such paper. */
  notFound: string[];
  /** Ids past MAX_IMPORT_IDS, not imported. */
  overLimit: number;
};

/**
 * Imports every arXiv id in a BibTeX/RIS file or pasted text into a reader's library, optionally
 * tagging them all. Papers PaperPulse lacks are fetched by id like a submission; when arXiv cannot
 * be reached they wait in library_import_pending, which retryPendingImports works through.
 */
export async function importPapers(
  readerId: number,
  input: { text: string; source: "paste" | "file"; tags?: string[] },
  options: ArxivOptions = arxivOptions(),
): Promise<ImportSummary> {
  const { ids: allIds, duplicates } = findArxivIds(input.text, { bare: input.source === "paste" });
  const ids = allIds.slice(0, MAX_IMPORT_IDS);
  const records = input.source === "file" ? countRecords(input.text) : 0;
  const summary: ImportSummary = {
    found: allIds.length,
    duplicates,
    records,
    recordsWithoutId: Math.max(0, records - allIds.length - duplicates),
    added: [],
    fetched: [],
    alreadySaved: [],
    waiting: [],
    notFound: [],
    overLimit: allIds.length - ids.length,
  };
  const first = await savePapers(readerId, ids);
  summary.added.push(...first.saved);
  summary.alreadySaved.push(...first.alreadySaved);

  const unknown = first.unknown;
  const now = unknown.slice(0, FETCH_NOW);
  if (now.length > 0) {
    const ingest = await ingestArxivIds(now, undefined, options, "submitted");
    const reasons = new Map(ingest.failures.map((failure) => [failure.id, failure.reason]));
    const second = await savePapers(readerId, now);
    summary.fetched.push(...second.saved);
    for (const arxivId of second.unknown) {
      const reason = reasons.get(arxivId);
      if (reason?.startsWith("arXiv has no paper")) summary.notFound.push(arxivId);
      else summary.waiting.push({ arxivId, reason: "arXiv could not be reached; we will try again and save it when it arrives." });
    }
  }
  for (const arxivId of unknown.slice(FETCH_NOW))
    summary.waiting.push({ arxivId, reason: "Queued: fetched from arXiv in the background, then saved." });
  if (summary.waiting.length > 0) {
    await db.$executeRaw`
      INSERT INTO library_import_pending (reader_id, arxiv_id)
      SELECT ${readerId}, unnest(${summary.waiting.map((item) => item.arxivId)}::text[])
      ON CONFLICT DO NOTHING`;
  }
  const saved = [...summary.added, ...summary.fetched, ...summary.alreadySaved];
  if (input.tags?.length && saved.length) await addTags(readerId, saved, input.tags);
  return summary;
}
