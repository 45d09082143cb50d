import "server-only";

import { db } from "@/lib/db";
import { monthOfArxivId } from "@/lib/papers/arxiv-id";

import type { PaperInput } from "./paper-input";

export type UpsertCounts = { inserted: number; updated: number; unchanged: number };

/**
 * Inserts new papers and updates known ones (by arXiv id) in one statement, so a batch is written
 * whole or not at all. A row is only touched when something in it changed, so running the same
 * batch twice changes nothing, not even `updated_at`.
 */
export async function upsertPapers(papers: PaperInput[]): Promise<UpsertCounts> {
  if (papers.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const rows = dedupeByArxivId(papers).map((paper) => ({
    arxiv_id: paper.arxivId,
    version: paper.version,
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
    published_on: paper.publishedOn,
    revised_on: paper.revisedOn,
    listed_on: paper.publishedOn ?? monthOfArxivId(paper.arxivId),
    primary_category: paper.primaryCategory,
    categories: paper.categories,
    doi: paper.doi,
    comment: paper.comment,
    journal_ref: paper.journalRef,
    github_repo: paper.githubRepo,
    github_stars: paper.githubStars,
    external_upvotes: paper.externalUpvotes,
    source: paper.source,
  }));

  const written = await db.$queryRaw<{ inserted: boolean }[]>`
    INSERT INTO paper AS p (arxiv_id, version, title, abstract, authors, published_on, revised_on, listed_on,
      primary_category, categories, doi, comment, journal_ref, github_repo, github_stars, external_upvotes, source)
    SELECT x.arxiv_id, x.version, x.title, x.abstract, x.authors, x.published_on, x.revised_on, x.listed_on,
      x.primary_category, x.categories, x.doi, x.comment, x.journal_ref, x.github_repo, x.github_stars,
      coalesce(x.external_upvotes, known.external_upvotes, 0), x.source::paper_source
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
      arxiv_id text, version int, title text, abstract text, authors text[], published_on date, revised_on date,
      listed_on date, primary_category text, categories text[], doi text, comment text, journal_ref text,
      github_repo text, github_stars int, external_upvotes int, source text)
    LEFT JOIN paper known USING (arxiv_id)
    ON CONFLICT (arxiv_id) DO UPDATE SET
      version = greatest(p.version, EXCLUDED.version),
      title = EXCLUDED.title,
      abstract = EXCLUDED.abstract,
      authors = CASE WHEN cardinality(EXCLUDED.authors) > 0 THEN EXCLUDED.authors ELSE p.authors END,
      published_on = coalesce(EXCLUDED.published_on, p.published_on),
      revised_on = coalesce(EXCLUDED.revised_on, p.revised_on),
      listed_on = coalesce(EXCLUDED.published_on, p.published_on, p.listed_on),
      primary_category = coalesce(EXCLUDED.primary_category, p.primary_category),
      categories = CASE WHEN cardinality(EXCLUDED.categories) > 0 THEN EXCLUDED.categories ELSE p.categories END,
      doi = coalesce(EXCLUDED.doi, p.doi),
      comment = coalesce(EXCLUDED.comment, p.comment),
      journal_ref = coalesce(EXCLUDED.journal_ref, p.journal_ref),
      github_repo = coalesce(EXCLUDED.github_repo, p.github_repo),
      github_stars = coalesce(EXCLUDED.github_stars, p.github_stars),
      external_upvotes = EXCLUDED.external_upvotes,
      updated_at = now()
    WHERE (p.version, p.title, p.abstract, p.authors, p.published_on, p.revised_on, p.primary_category,
           p.categories, p.doi, p.comment, p.journal_ref, p.github_repo, p.github_stars, p.external_upvotes)
      IS DISTINCT FROM
          (greatest(p.version, EXCLUDED.version), EXCLUDED.title, EXCLUDED.abstract,
           CASE WHEN cardinality(EXCLUDED.authors) > 0 THEN EXCLUDED.authors ELSE p.authors END,
           coalesce(EXCLUDED.published_on, p.published_on), coalesce(EXCLUDED.revised_on, p.revised_on),
           coalesce(EXCLUDED.primary_category, p.primary_category),
           CASE WHEN cardinality(EXCLUDED.categories) > 0 THEN EXCLUDED.categories ELSE p.categories END,
           coalesce(EXCLUDED.doi, p.doi), coalesce(EXCLUDED.comment, p.comment),
           coalesce(EXCLUDED.journal_ref, p.journal_ref), coalesce(EXCLUDED.github_repo, p.github_repo),
           coalesce(EXCLUDED.github_stars, p.github_stars),
           EXCLUDED.external_upvotes)
    RETURNING (xmax = 0) AS inserted`;

  const inserted = written.filter((row) => row.inserted).length;
  return { inserted, updated: written.length - inserted, unchanged: papers.length - written.length };
}

/** One row per id (the last one wins): PostgreSQL refuses to update a row twice in one statement. */
function dedupeByArxivId(papers: PaperInput[]): PaperInput[] {
  return [...new Map(papers.map((paper) => [paper.arxivId, paper])).values()];
}
