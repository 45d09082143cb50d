import "server-only";

import { cache } from "react";

import { readRows } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";

import { arxivAbsUrl, arxivPdfUrl } from "./arxiv-id";
import type { PaperDetails } from "./paper-details";

type PaperRow = Omit<PaperDetails, "addedAt" | "links"> & { addedAt: Date };

/**
 * A paper by arXiv id, or null. Cached per request: the page and its metadata share one query.
 * A raw read: every paper page's first view renders it (see readRows).
 */
export const getPaper = cache(async (arxivId: string): Promise<PaperDetails | null> => {
  const [paper] = await readRows<PaperRow>(Prisma.sql`
    SELECT id, arxiv_id AS "arxivId", version, title, abstract, authors, primary_category AS "primaryCategory",
      categories, doi, comment, journal_ref AS "journalRef", github_repo AS "githubRepo", github_stars AS "githubStars",
      source, to_char(published_on, 'YYYY-MM-DD') AS "publishedOn", to_char(revised_on, 'YYYY-MM-DD') AS "revisedOn",
      to_char(listed_on, 'YYYY-MM-DD') AS "listedOn", votes AS upvotes, created_at AS "addedAt"
    FROM paper WHERE arxiv_id = ${arxivId}`);
  if (!paper) return null;
  return {
    ...paper,
    addedAt: paper.addedAt.toISOString(),
    links: { abs: arxivAbsUrl(paper.arxivId), pdf: arxivPdfUrl(paper.arxivId) },
  };
});
