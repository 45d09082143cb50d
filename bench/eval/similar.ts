// Similar papers, judged: recall@10 and nDCG@10 over the seed's topic groups, for the stored
// tf-idf similarity and for the keyword method it replaced. `evaluateSimilarPapers` runs on the
// database lib/db points at (seeded, similar papers refreshed): a section of `npm run eval`.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { keywordSimilarPapers } from "./keyword-similar-papers";
import { mean, ndcgAt, recallAt } from "./metrics";
import { expectedSimilarPapers, SIMILAR_TOPIC_GROUPS } from "./similar-judgements";

export type MethodScores = { recall: number; ndcg: number; listed: number };
export type SimilarEvaluation = { papers: number; tfidf: MethodScores; keyword: MethodScores; markdown: string };

function score(results: { ranked: string[]; relevant: Set<string> }[]): MethodScores {
  return {
    recall: mean(results.map(({ ranked, relevant }) => recallAt(ranked, relevant))),
    ndcg: mean(results.map(({ ranked, relevant }) => ndcgAt(ranked, relevant))),
    listed: mean(results.map(({ ranked }) => Math.min(ranked.length, 10))),
  };
}

export async function evaluateSimilarPapers(): Promise<SimilarEvaluation> {
  const { db } = (await import("../../lib/db")) as { db: PrismaClient };
  const { getSimilarPapers } = await import("../../lib/similarity/get-similar-papers");
  // The keyword method reads the planner's word statistics.
  await db.$executeRaw`ANALYZE paper`;
  const expected = expectedSimilarPapers();
  const papers = await db.paper.findMany({ where: { arxivId: { in: [...expected.keys()] } }, select: { id: true, arxivId: true } });
  const tfidf: { ranked: string[]; relevant: Set<string> }[] = [];
  const keyword: { ranked: string[]; relevant: Set<string> }[] = [];
  for (const paper of papers) {
    const relevant = expected.get(paper.arxivId)!;
    tfidf.push({ ranked: (await getSimilarPapers(paper.id, 10)).map((similar) => similar.arxivId), relevant });
    keyword.push({ ranked: await keywordSimilarPapers(db, paper.id, 10), relevant });
  }
  const scores = { tfidf: score(tfidf), keyword: score(keyword) };
  const row = (name: string, s: MethodScores) => `| ${name} | ${s.recall.toFixed(3)} | ${s.ndcg.toFixed(3)} | ${s.listed.toFixed(1)} |`;
  const markdown = [
    "## Similar papers",
    "",
    `${papers.length} seed papers in ${Object.keys(SIMILAR_TOPIC_GROUPS).length} judged topic groups (bench/eval/similar-judgements.ts); ` +
      "a paper's relevant papers are the other members of its groups. Binary relevance, recall out of min(relevant, 10).",
    "",
    "| Method | recall@10 | nDCG@10 | papers listed (of 10) |",
    "| --- | ---: | ---: | ---: |",
    row("Keyword OR of rarest title terms (before)", scores.keyword),
    row("Stored tf-idf cosine, lib/similarity (after)", scores.tfidf),
  ].join("\n");
  return { papers: papers.length, ...scores, markdown };
}
