import { paperInputSchema, type PaperInput } from "@/lib/ingest/paper-input";
import { parseArxivId } from "@/lib/papers/arxiv-id";

import { latexToText, normalizeAbstract } from "../normalize-text";
import type { DailyPaper } from "./daily-papers-schema";

export type DailyPaperResult = { ok: true; paper: PaperInput } | { ok: false; id: string | null; reason: string };

/** Only a web address can become a link on the paper page; anything else is dropped. */
function repositoryUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString().replace(/\/$/, "") : null;
  } catch {
    return null;
  }
}

/**
 * A daily-papers item as a paper: its upvotes become the paper's external upvotes, its GitHub
 * repository and stars are kept. Hugging Face has no categories or versions, so those stay unknown;
 * arXiv fills them in when it lists the paper.
 */
export function dailyPaperToPaper(item: DailyPaper): DailyPaperResult {
  const parsedId = parseArxivId(item.paper.id);
  if (!parsedId)
    return { ok: false, id: item.paper.id, reason: `Hugging Face paper id ${JSON.stringify(item.paper.id)} is not an arXiv id` };
  const githubRepo = repositoryUrl(item.paper.githubRepo);
  const paper = paperInputSchema.safeParse({
    arxivId: parsedId.id,
    title: latexToText(item.paper.title),
    abstract: normalizeAbstract(item.paper.summary),
    authors: item.paper.authors.map((author) => latexToText(author.name)).filter(Boolean),
    publishedOn: item.paper.publishedAt ? new Date(item.paper.publishedAt).toISOString().slice(0, 10) : null,
    primaryCategory: null,
    categories: [],
    githubRepo,
    githubStars: githubRepo ? (item.paper.githubStars ?? null) : null,
    externalUpvotes: item.paper.upvotes,
    source: "huggingface",
  });
  if (!paper.success) {
    const problems = paper.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ");
    return { ok: false, id: parsedId.id, reason: `Hugging Face paper ${parsedId.id} cannot be stored: ${problems}` };
  }
  return { ok: true, paper: paper.data };
}
