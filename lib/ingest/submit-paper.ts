import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { refreshSimilarPapers } from "@/lib/similarity/refresh-similar-papers";

import { arxivOptions, type ArxivOptions } from "./arxiv/arxiv-options";
import { fetchArxivPapers } from "./arxiv/fetch-arxiv-papers";
import { IngestError } from "./ingest-error";
import type { PaperInput } from "./paper-input";
import { upsertPapers } from "./upsert-papers";

export type SubmittedPaper = {
  arxivId: string;
  title: string;
  authors: string[];
  publishedOn: string | null;
  primaryCategory: string | null;
  /** added: new in PaperPulse; updated: we had it, arXiv had more; known: we already had it. */
  status: "added" | "updated" | "known";
  /** Known, but only from Hugging Face: arXiv's metadata is worth fetching, without making anyone wait for it. */
  refreshFromArxiv: boolean;
};

export const SUBMIT_EXAMPLE = "2502.03387 or https://arxiv.org/abs/2502.03387";

/**
 * Adds a paper by what someone pasted: an arXiv id or an arxiv.org, huggingface.co/papers or PDF
 * link. A paper we already have is answered at once, without asking arXiv; when we have it only
 * from Hugging Face, `refreshFromArxiv` says to call `refreshPaperFromArxiv` once the answer is out.
 * Throws AppError: bad_request for input that holds no id, not_found when arXiv has no such paper,
 * unavailable when arXiv cannot be reached.
 */
export async function submitPaper(input: string, options: ArxivOptions = arxivOptions()): Promise<SubmittedPaper> {
  const parsed = parseArxivId(input);
  if (!parsed) throw new AppError("bad_request", `That is not an arXiv id or link. Try something like ${SUBMIT_EXAMPLE}.`);

  const known = await db.paper.findUnique({
    where: { arxivId: parsed.id },
    select: { arxivId: true, title: true, authors: true, publishedOn: true, primaryCategory: true, version: true },
  });
  if (known) {
    return {
      arxivId: known.arxivId,
      title: known.title,
      authors: known.authors,
      publishedOn: known.publishedOn?.toISOString().slice(0, 10) ?? null,
      primaryCategory: known.primaryCategory,
      status: "known",
      refreshFromArxiv: known.version === null,
    };
  }
  return addFromArxiv(parsed.id, options);
}

/** Brings a paper we have only from Hugging Face up to arXiv's metadata; failures are logged, not shown. */
export async function refreshPaperFromArxiv(arxivId: string, options: ArxivOptions = arxivOptions()): Promise<void> {
  try {
    await addFromArxiv(arxivId, options);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(`[submit] refreshing ${arxivId} from arXiv failed: ${error.message}`);
  }
}

async function addFromArxiv(arxivId: string, options: ArxivOptions): Promise<SubmittedPaper> {
  let paper: PaperInput | undefined;
  let problem: string | undefined;
  try {
    for await (const batch of fetchArxivPapers([arxivId], options, "submitted")) {
      paper ??= batch.papers[0];
      problem ??= batch.failures[0]?.reason;
    }
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    console.error(`[submit] ${arxivId}: ${error.message}`);
    throw new AppError("unavailable", "arXiv could not be reached just now. Please try again in a few minutes.");
  }
  if (!paper) {
    if (problem && !problem.startsWith("arXiv has no paper")) console.error(`[submit] ${arxivId}: ${problem}`);
    throw new AppError("not_found", `arXiv has no paper ${arxivId}. Check the id and try again.`);
  }

  const counts = await upsertPapers([paper]);
  // The paper's page, which the submitter is sent to next, shows its similar papers at once.
  await refreshSimilarPapers();
  return {
    arxivId: paper.arxivId,
    title: paper.title,
    authors: paper.authors,
    publishedOn: paper.publishedOn,
    primaryCategory: paper.primaryCategory,
    status: counts.inserted ? "added" : counts.updated ? "updated" : "known",
    refreshFromArxiv: false,
  };
}
