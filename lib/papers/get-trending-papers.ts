import "server-only";

import { readDb } from "@/lib/db-read";

import { encodeCursor } from "./feed-cursor";
import type { PaperCard } from "./paper-card";
import { trendingQuery, type TrendingQueryOptions } from "./trending-query";

export type TrendingPage = { papers: PaperCard[]; nextCursor: string | null };

export async function getTrendingPapers(options: TrendingQueryOptions): Promise<TrendingPage> {
  const rows = await readDb.$queryRaw<PaperCard[]>(trendingQuery(options));
  const papers = rows.slice(0, options.limit);
  const last = papers.at(-1);
  const nextCursor =
    rows.length > options.limit && last
      ? encodeCursor({ key: options.period === "all" ? last.upvotes : last.trendingScore, id: last.id })
      : null;
  return { papers, nextCursor };
}
