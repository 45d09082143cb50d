import "server-only";

import { cache } from "react";

import { readDb } from "@/lib/db-read";

import { arxivAbsUrl, arxivPdfUrl } from "./arxiv-id";
import type { PaperDetails } from "./paper-details";

const isoDay = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

/** A paper by arXiv id, or null. Cached per request: the page and its metadata share one query. */
export const getPaper = cache(async (arxivId: string): Promise<PaperDetails | null> => {
  const paper = await readDb.paper.findUnique({
    where: { arxivId },
    select: {
      id: true,
      arxivId: true,
      version: true,
      title: true,
      abstract: true,
      authors: true,
      publishedOn: true,
      revisedOn: true,
      listedOn: true,
      primaryCategory: true,
      categories: true,
      doi: true,
      comment: true,
      journalRef: true,
      githubRepo: true,
      githubStars: true,
      votes: true,
      source: true,
      createdAt: true,
    },
  });
  if (!paper) return null;
  const { votes, createdAt, publishedOn, revisedOn, listedOn, ...rest } = paper;
  return {
    ...rest,
    publishedOn: isoDay(publishedOn),
    revisedOn: isoDay(revisedOn),
    listedOn: isoDay(listedOn)!,
    upvotes: votes,
    addedAt: createdAt.toISOString(),
    links: { abs: arxivAbsUrl(paper.arxivId), pdf: arxivPdfUrl(paper.arxivId) },
  };
});
