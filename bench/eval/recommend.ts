// Recommendations, evaluated offline by hold-out: a reader likes a group of papers on one topic,
// one of them is hidden, and a method scores a hit when the hidden paper comes back in its top 10.
// Four methods in the same run: ours (recommendFor, the API's function) over all time, which ranks
// the index's candidates, and over a week, which scores every paper of the window (the corpus is
// listed this week for it, so both rank the same papers); the keyword similar-papers it would
// replace (each liked paper's list, fused by reciprocal rank); and arxiv-sanity-lite's recipe
// (bench/eval/arxiv-sanity-recipe.ts). On the seed's judged topic
// groups and on a synthetic corpus of known topics and subtopics (bench/eval/synthetic-topics.ts).
// `evaluateRecommendations` runs on the database lib/db points at, which must hold the seed: a
// section of `npm run eval`, after `addSyntheticCorpus`.
import { performance } from "node:perf_hooks";

import type { PrismaClient } from "../../lib/generated/prisma/client";
import { arxivSanityFeatures, linearSvcScores } from "./arxiv-sanity-recipe";
import { keywordSimilarPapers } from "./keyword-similar-papers";
import { mean, ndcgAt } from "./metrics";
import { SIMILAR_TOPIC_GROUPS } from "./similar-judgements";
import { PAPERS_PER_SUBTOPIC, syntheticCorpus } from "./synthetic-topics";

/** `related`: the papers of the hidden one's known cluster, not liked (the synthetic corpus knows them). */
type Trial = { liked: string[]; hidden: string; related?: Set<string> };
type Method = (liked: string[]) => Promise<string[]>;
export type MethodResult = { hitRate: number; ndcg: number; clusterPrecision: number; msPerRequest: number };
type MethodName = "ours" | "oursWindow" | "keyword" | "arxivSanity";
export type RecommendEvaluation = Record<"seed" | "synthetic", Record<MethodName, MethodResult>> & {
  markdown: string;
};

const LIKED_PER_SYNTHETIC_READER = 5;
/** Each synthetic reader hides the first papers of their list in turn, one a trial. */
const HIDDEN_PER_SYNTHETIC_READER = 2;

function seedTrials(): Trial[] {
  return Object.values(SIMILAR_TOPIC_GROUPS).flatMap((group) =>
    group.map((hidden) => ({ hidden, liked: group.filter((id) => id !== hidden) })),
  );
}

function syntheticTrials(): Trial[] {
  const corpus = syntheticCorpus();
  const trials: Trial[] = [];
  for (let start = 0; start < corpus.length; start += PAPERS_PER_SUBTOPIC) {
    const reader = corpus.slice(start, start + LIKED_PER_SYNTHETIC_READER).map((paper) => paper.arxivId);
    const related = new Set(corpus.slice(start + LIKED_PER_SYNTHETIC_READER, start + PAPERS_PER_SUBTOPIC).map((paper) => paper.arxivId));
    for (const hidden of reader.slice(0, HIDDEN_PER_SYNTHETIC_READER))
      trials.push({ hidden, liked: reader.filter((id) => id !== hidden), related: new Set([...related, hidden]) });
  }
  return trials;
}

async function run(method: Method, trials: Trial[]): Promise<MethodResult> {
  const hits: number[] = [];
  const gains: number[] = [];
  const precisions: number[] = [];
  const started = performance.now();
  for (const trial of trials) {
    const ranked = (await method(trial.liked)).slice(0, 10);
    hits.push(ranked.includes(trial.hidden) ? 1 : 0);
    gains.push(ndcgAt(ranked, new Set([trial.hidden])));
    if (trial.related) precisions.push(ranked.filter((id) => trial.related!.has(id)).length / 10);
  }
  return {
    hitRate: mean(hits),
    ndcg: mean(gains),
    clusterPrecision: mean(precisions),
    msPerRequest: (performance.now() - started) / trials.length,
  };
}

export async function evaluateRecommendations(): Promise<RecommendEvaluation> {
  const { db } = (await import("../../lib/db")) as { db: PrismaClient };
  const { recommendFor } = await import("../../lib/recommend/recommend-for");
  // Every paper listed this week: a week's ranking then scores the whole corpus, as all time's ranks its candidates.
  await db.$executeRaw`UPDATE paper SET listed_on = (now() AT TIME ZONE 'UTC')::date`;
  await db.$executeRaw`ANALYZE paper`;
  const papers = await db.paper.findMany({
    select: { id: true, arxivId: true, title: true, abstract: true, authors: true },
    orderBy: { id: "asc" },
  });
  const idOf = new Map(papers.map((paper) => [paper.arxivId, paper.id]));
  const features = arxivSanityFeatures(papers);
  const indexOf = new Map(papers.map((paper, index) => [paper.arxivId, index]));

  const ours =
    (period: "all" | "week"): Method =>
    async (liked) =>
      (await recommendFor({ liked, disliked: [], period, limit: 10 })).papers.map((paper) => paper.arxivId);
  const methods: Record<MethodName, Method> = {
    ours: ours("all"),
    oursWindow: ours("week"),
    keyword: async (liked) => {
      const fused = new Map<string, number>();
      for (const id of liked) {
        (await keywordSimilarPapers(db, idOf.get(id)!, 20)).forEach((similar, rank) =>
          fused.set(similar, (fused.get(similar) ?? 0) + 1 / (60 + rank)),
        );
      }
      return [...fused]
        .filter(([id]) => !liked.includes(id))
        .sort((a, b) => b[1] - a[1])
        .map(([id]) => id);
    },
    arxivSanity: async (liked) => {
      const positive = new Set(liked.map((id) => indexOf.get(id)!));
      const scores = linearSvcScores(features, positive);
      return papers
        .map((paper, index) => ({ id: paper.arxivId, score: scores[index]!, liked: positive.has(index) }))
        .filter((paper) => !paper.liked)
        .sort((a, b) => b.score - a.score)
        .map((paper) => paper.id);
    },
  };
  const corpora = { seed: seedTrials(), synthetic: syntheticTrials() };
  const result = { seed: {}, synthetic: {} } as Omit<RecommendEvaluation, "markdown">;
  for (const [corpus, trials] of Object.entries(corpora) as ["seed" | "synthetic", Trial[]][]) {
    for (const [name, method] of Object.entries(methods) as [MethodName, Method][]) {
      result[corpus][name] = await run(method, trials);
    }
  }
  const names = {
    ours: "Ours: logistic regression over stored vectors + nearest liked paper, index candidates (all time)",
    oursWindow: "Ours, every paper of the window scored (a week's, For you's default)",
    keyword: "Keyword similar papers, fused by reciprocal rank",
    arxivSanity: "arxiv-sanity-lite recipe (tf-idf 1–2-grams, LinearSVC C=0.01)",
  };
  const table = (corpus: "seed" | "synthetic") => {
    const cluster = corpus === "synthetic";
    return [
      `| Method | hit rate@10 | nDCG@10 |${cluster ? " same subtopic in top 10 |" : ""} ms a request |`,
      `| --- | ---: | ---: |${cluster ? " ---: |" : ""} ---: |`,
      ...(Object.keys(names) as (keyof typeof names)[]).map((name) => {
        const r = result[corpus][name];
        const precision = cluster ? ` ${r.clusterPrecision.toFixed(3)} |` : "";
        return `| ${names[name]} | ${r.hitRate.toFixed(3)} | ${r.ndcg.toFixed(3)} |${precision} ${r.msPerRequest.toFixed(1)} |`;
      }),
    ];
  };
  const markdown = [
    "## Recommendations (hold-out)",
    "",
    `Corpus: the 81 seed papers plus ${syntheticCorpus().length} synthetic ones, ${papers.length} in all; every method ranks the whole corpus or its index's candidates.`,
    "",
    `### Seed: ${corpora.seed.length} trials, one per member of each judged topic group (the rest of its group liked)`,
    "",
    ...table("seed"),
    "",
    `### Synthetic topics: ${corpora.synthetic.length} trials (${LIKED_PER_SYNTHETIC_READER} papers of one subtopic liked, ${HIDDEN_PER_SYNTHETIC_READER} of them hidden in turn, among ${PAPERS_PER_SUBTOPIC} papers a subtopic)`,
    "",
    ...table("synthetic"),
    "",
    `A method whose top 10 are all from the hidden paper's subtopic finds it there ${(10 / (PAPERS_PER_SUBTOPIC - LIKED_PER_SYNTHETIC_READER + 1)).toFixed(3)} of the time on average`,
    `(10 of the ${PAPERS_PER_SUBTOPIC - LIKED_PER_SYNTHETIC_READER + 1} subtopic papers not liked, which the corpus makes alike): differences of a few trials here are chance.`,
  ].join("\n");
  return { ...result, markdown };
}

/** Adds the synthetic corpus (and computes its vectors and similar papers) to the database lib/db points at. */
export async function addSyntheticCorpus(): Promise<void> {
  const { upsertPapers } = await import("../../lib/ingest/upsert-papers");
  const { refreshSimilarPapers } = await import("../../lib/similarity/refresh-similar-papers");
  await upsertPapers(syntheticCorpus().map(({ topic: _topic, subtopic: _subtopic, ...paper }) => paper));
  await refreshSimilarPapers();
}
