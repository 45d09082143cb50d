import "server-only";

import { db } from "@/lib/db";

import type { DigestPaperSummary } from "./digest-content";
import { summarizeAbstract } from "./summarize-abstract";

const SHOWN_AUTHORS = 6;
// Only the opening of an abstract is needed for a two-line summary.
const ABSTRACT_CHARS = 600;
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
                 to_char(p.listed_on, 'YYYY-MM-DD') AS "listedOn"
          FROM paper p WHERE p.id = ANY(${missing}::int[])`;
        for (const { abstract, ...paper } of rows) cache.set(paper.id, { ...paper, summary: summarizeAbstract(abstract) });
      }
      return new Map(wanted.flatMap((id) => (cache.has(id) ? [[id, cache.get(id)!] as const] : [])));
    },
  };
}

export type PaperSummaries = ReturnType<typeof createPaperSummaries>;
