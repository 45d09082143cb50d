import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { monthOfArxivId } from "@/lib/papers/arxiv-id";
import { recordAbbreviations } from "@/lib/search/field-vocabulary";

import type { PaperInput } from "./paper-input";

export type UpsertCounts = { inserted: number; updated: number; unchanged: number };

/**
 * Rows per statement: enough to amortise the round trip, few enough to keep each statement's JSON
 * small; Prisma keeps the arguments of its last hundred debug calls, so memory follows this size.
 */
const ROWS_PER_STATEMENT = 100;

type Client = Prisma.TransactionClient | typeof db;

/**
 * Inserts new papers and updates known ones (by arXiv id), all of them or none: one statement per
 * hundred papers, inside one transaction when there are more. A row is only touched when something
 * in it changed, so running the same batch twice changes nothing, not even `updated_at`.
 *
 * Sources disagree, so the merge keeps the best of each: metadata (title, abstract, authors, dates,
 * categories) from the newest arXiv version we have seen — a source without versions (Hugging Face,
 * the seed) or an older version never overwrites it — while upvotes and the GitHub repository come
 * from whichever source has them. The acronyms new papers define go to the field vocabulary
 * (lib/search/field-vocabulary.ts): one more statement per batch.
 */
export async function upsertPapers(papers: PaperInput[]): Promise<UpsertCounts> {
  const rows = dedupeByArxivId(papers);
  if (rows.length <= ROWS_PER_STATEMENT) return upsertAndRecord(db, rows, [rows]);
  const chunks: PaperInput[][] = [];
  for (let offset = 0; offset < rows.length; offset += ROWS_PER_STATEMENT) chunks.push(rows.slice(offset, offset + ROWS_PER_STATEMENT));
  return db.$transaction((tx) => upsertAndRecord(tx, rows, chunks), { timeout: 60_000 + rows.length * 10 });
}

/**
 * The chunks' statements, then the vocabulary's last: its rows are shared by every batch (each
 * one's papers define "LLM"), and a row written stays locked until the transaction ends, so a
 * concurrent batch waits only for the end of this one's, not for all of its inserts.
 */
async function upsertAndRecord(client: Client, rows: PaperInput[], chunks: PaperInput[][]): Promise<UpsertCounts> {
  const total: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const insertedIds = new Set<string>();
  for (const chunk of chunks) {
    const { counts, inserted } = await upsertRows(client, chunk);
    total.inserted += counts.inserted;
    total.updated += counts.updated;
    total.unchanged += counts.unchanged;
    for (const id of inserted) insertedIds.add(id);
  }
  await recordAbbreviations(
    (sql) => client.$queryRaw(sql),
    rows.filter((paper) => insertedIds.has(paper.arxivId)),
  );
  return total;
}

async function upsertRows(client: Client, papers: PaperInput[]): Promise<{ counts: UpsertCounts; inserted: string[] }> {
  if (papers.length === 0) return { counts: { inserted: 0, updated: 0, unchanged: 0 }, inserted: [] };
  const rows = papers.map((paper) => ({
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

  // `keep` is true when the stored row holds a newer arXiv version than the incoming one (or the
  // incoming one has none): then its metadata stays. The merged row is built first and compared
  // with the stored one, so unchanged papers never reach the INSERT (whose generated columns and
  // search indexes are the expensive part); the conflict clause only copies what was merged.
  const written = await client.$queryRaw<{ arxivId: string; inserted: boolean }[]>`
    WITH merged AS (
      SELECT x.arxiv_id, known.id IS NOT NULL AS known_exists,
        ROW(known.version, known.title, known.abstract, known.authors, known.published_on, known.revised_on, known.listed_on,
            known.primary_category, known.categories, known.doi, known.comment, known.journal_ref, known.github_repo,
            known.github_stars, known.external_upvotes) AS known_row,
        greatest(known.version, x.version) AS version,
        CASE WHEN m.keep THEN known.title ELSE x.title END AS title,
        CASE WHEN m.keep THEN known.abstract ELSE x.abstract END AS abstract,
        CASE WHEN m.keep OR cardinality(x.authors) = 0 THEN coalesce(known.authors, x.authors) ELSE x.authors END AS authors,
        m.published_on,
        CASE WHEN m.keep THEN known.revised_on ELSE coalesce(x.revised_on, known.revised_on) END AS revised_on,
        coalesce(m.published_on, known.listed_on, x.listed_on) AS listed_on,
        CASE WHEN m.keep THEN known.primary_category ELSE coalesce(x.primary_category, known.primary_category) END AS primary_category,
        CASE WHEN m.keep OR cardinality(x.categories) = 0 THEN coalesce(known.categories, x.categories) ELSE x.categories END AS categories,
        CASE WHEN m.keep THEN known.doi ELSE coalesce(x.doi, known.doi) END AS doi,
        CASE WHEN m.keep THEN known.comment ELSE coalesce(x.comment, known.comment) END AS comment,
        CASE WHEN m.keep THEN known.journal_ref ELSE coalesce(x.journal_ref, known.journal_ref) END AS journal_ref,
        coalesce(x.github_repo, known.github_repo) AS github_repo,
        coalesce(x.github_stars, known.github_stars) AS github_stars,
        coalesce(x.external_upvotes, known.external_upvotes, 0) AS external_upvotes,
        x.source
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
        arxiv_id text, version int, title text, abstract text, authors text[], published_on date, revised_on date,
        listed_on date, primary_category text, categories text[], doi text, comment text, journal_ref text,
        github_repo text, github_stars int, external_upvotes int, source text)
      LEFT JOIN paper known USING (arxiv_id)
      CROSS JOIN LATERAL (SELECT coalesce(known.version > coalesce(x.version, 0), false) AS keep) k
      CROSS JOIN LATERAL (
        SELECT k.keep, CASE WHEN k.keep THEN known.published_on ELSE coalesce(x.published_on, known.published_on) END AS published_on
      ) m
    )
    INSERT INTO paper AS p (arxiv_id, version, title, abstract, authors, published_on, revised_on, listed_on,
      primary_category, categories, doi, comment, journal_ref, github_repo, github_stars, external_upvotes, source)
    SELECT arxiv_id, version, title, abstract, authors, published_on, revised_on, listed_on, primary_category, categories,
      doi, comment, journal_ref, github_repo, github_stars, external_upvotes, source::paper_source
    FROM merged
    WHERE NOT known_exists
       OR known_row IS DISTINCT FROM ROW(version, title, abstract, authors, published_on, revised_on, listed_on, primary_category,
          categories, doi, comment, journal_ref, github_repo, github_stars, external_upvotes)
    -- One lock order for every writer, so two ingests of overlapping papers cannot deadlock.
    ORDER BY arxiv_id
    -- A concurrent writer may have changed the row since it was read above: the update compares again.
    ON CONFLICT (arxiv_id) DO UPDATE SET
      version = EXCLUDED.version, title = EXCLUDED.title, abstract = EXCLUDED.abstract, authors = EXCLUDED.authors,
      published_on = EXCLUDED.published_on, revised_on = EXCLUDED.revised_on, listed_on = EXCLUDED.listed_on,
      primary_category = EXCLUDED.primary_category, categories = EXCLUDED.categories, doi = EXCLUDED.doi,
      comment = EXCLUDED.comment, journal_ref = EXCLUDED.journal_ref, github_repo = EXCLUDED.github_repo,
      github_stars = EXCLUDED.github_stars, external_upvotes = EXCLUDED.external_upvotes, updated_at = now()
    WHERE (p.version, p.title, p.abstract, p.authors, p.published_on, p.revised_on, p.listed_on, p.primary_category,
           p.categories, p.doi, p.comment, p.journal_ref, p.github_repo, p.github_stars, p.external_upvotes)
      IS DISTINCT FROM
          (EXCLUDED.version, EXCLUDED.title, EXCLUDED.abstract, EXCLUDED.authors, EXCLUDED.published_on,
           EXCLUDED.revised_on, EXCLUDED.listed_on, EXCLUDED.primary_category, EXCLUDED.categories, EXCLUDED.doi,
           EXCLUDED.comment, EXCLUDED.journal_ref, EXCLUDED.github_repo, EXCLUDED.github_stars, EXCLUDED.external_upvotes)
    RETURNING arxiv_id AS "arxivId", (xmax = 0) AS inserted`;

  const inserted = written.flatMap((row) => (row.inserted ? [row.arxivId] : []));
  return {
    counts: { inserted: inserted.length, updated: written.length - inserted.length, unchanged: rows.length - written.length },
    inserted,
  };
}

/**
 * One row per id (the last one wins: PostgreSQL refuses to update a row twice in one statement), in
 * id order, so that concurrent writers of overlapping batches take their row locks in the same order.
 */
function dedupeByArxivId(papers: PaperInput[]): PaperInput[] {
  return [...new Map(papers.map((paper) => [paper.arxivId, paper])).values()].sort((a, b) =>
    a.arxivId < b.arxivId ? -1 : a.arxivId > b.arxivId ? 1 : 0,
  );
}
