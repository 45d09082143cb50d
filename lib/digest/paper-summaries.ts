import "server-only";

import { db } from "@/lib/db";
import { latexToText } from "@/lib/ingest/normalize-text";

import type { DigestPaperSummary } from "./digest-content";
import { summarizeAbstract } from "./summarize-abstract";

const SHOWN_AUTHORS = 6;
// The sentence that states the contribution is nearly always within an abstract's first half.
const ABSTRACT_CHARS = 1_200;
// A run shows the same few thousand new papers to everyone; beyond this many, start over.
const MAX_CACHED = 20_000;

type Row = Omit<DigestPaperSummary, "summary"> & { abstract: string };

/** Loads papers for digests once per run, however many digests show them. */
export function createPaperSummaries() {
  const cache = new Map<number, DigestPaperSummary>();
  return {
    async get(ids: Iterable<number>): Promise<Map<number, DigestPaperSummary>> {
      const wanted = [...new Set(ids)];
      const missing = wanted.filter((id) => !cache.has(id));
      if (missing.length > 0) {
        if (cache.size + missing.length > MAX_CACHED) cache.clear();
        const rows = await db.$queryRaw<Row[]>`
          SELECT p.id, p.arxiv_id AS "arxivId", p.title, p.authors[1:${SHOWN_AUTHORS}] AS authors,
                 cardinality(p.authors) AS "authorCount", left(p.abstract, ${ABSTRACT_CHARS}) AS abstract,
                 to_char(p.listed_on, 'YYYY-MM-DD') AS "listedOn", to_char(p.revised_on, 'YYYY-MM-DD') AS "revisedOn",
                 p.version, p.categories, p.votes
          FROM paper p WHERE p.id = ANY(${missing}::int[])`;
        for (const { abstract, ...paper } of rows) cache.set(paper.id, { ...paper, summary: summarizeAbstract(latexToText(abstract)) });
      }
      return new Map(wanted.flatMap((id) => (cache.has(id) ? [[id, cache.get(id)!] as const] : [])));
    },
  };
}

export type PaperSummaries = ReturnType<typeof createPaperSummaries>;
