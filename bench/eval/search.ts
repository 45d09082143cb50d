// The search section of `npm run eval`: every judged query of search-queries.json through the
// app's own search verb, scored by recall@10 and nDCG@10 on the first page.
import { readFileSync } from "node:fs";
import path from "node:path";

import { mean, ndcgAt, recallAt } from "./metrics";

export const CUTOFF = 10;

export type JudgedQuery = { query: string; kind: string; relevant: string[] };
export type QueryScore = JudgedQuery & { found: string[]; recall: number; ndcg: number };
export type SearchEval = {
  recall: number;
  ndcg: number;
  byKind: Map<string, { recall: number; ndcg: number; queries: number }>;
  scores: QueryScore[];
};

export function judgedSearchQueries(): JudgedQuery[] {
  const file = path.join(import.meta.dirname, "search-queries.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { queries: JudgedQuery[] }).queries;
}

/** Scores every judged query against the database lib/db.ts points at (the seed papers). */
export async function evaluateSearch(): Promise<SearchEval> {
  const { searchPapers } = await import("../../lib/search/search-papers");
  const { searchQuerySchema } = await import("../../lib/search/search-query");
  const scores: QueryScore[] = [];
  for (const judged of judgedSearchQueries()) {
    const result = await searchPapers(searchQuerySchema.parse({ q: judged.query, limit: String(CUTOFF) }));
    const found = result.papers.map((paper) => paper.arxivId);
    scores.push({
      ...judged,
      found,
      recall: recallAt(found, new Set(judged.relevant), CUTOFF),
      ndcg: ndcgAt(found, new Set(judged.relevant), CUTOFF),
    });
  }
  const byKind = new Map<string, { recall: number; ndcg: number; queries: number }>();
  for (const kind of new Set(scores.map((score) => score.kind))) {
    const ofKind = scores.filter((score) => score.kind === kind);
    byKind.set(kind, { recall: mean(ofKind.map((s) => s.recall)), ndcg: mean(ofKind.map((s) => s.ndcg)), queries: ofKind.length });
  }
  return { recall: mean(scores.map((s) => s.recall)), ndcg: mean(scores.map((s) => s.ndcg)), byKind, scores };
}

const pct = (value: number) => value.toFixed(3);

export async function searchSection(): Promise<string> {
  const { recall, ndcg, byKind, scores } = await evaluateSearch();
  return [
    "## Search",
    "",
    `${scores.length} judged queries (bench/eval/search-queries.json), first page of ${CUTOFF} by relevance.`,
    "",
    `**recall@${CUTOFF} ${pct(recall)} · nDCG@${CUTOFF} ${pct(ndcg)}**`,
    "",
    "| kind | queries | recall@10 | nDCG@10 |",
    "|---|---|---|---|",
    ...[...byKind].map(([kind, m]) => `| ${kind} | ${m.queries} | ${pct(m.recall)} | ${pct(m.ndcg)} |`),
    "",
    "| query | expected | found of expected | recall@10 | nDCG@10 |",
    "|---|---|---|---|---|",
    ...scores.map(
      (s) =>
        `| \`${s.query.replace(/\|/g, "\\|")}\` | ${s.relevant.length} | ${s.relevant.filter((id) => s.found.includes(id)).length} | ${pct(s.recall)} | ${pct(s.ndcg)} |`,
    ),
  ].join("\n");
}
