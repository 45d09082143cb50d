import "server-only";

import { db } from "@/lib/db";

// Enough for a quiet digest at the largest maximum (50) plus "also trending", after exclusions.
const POOL_SIZE = 120;

/** The hottest papers right now (the feed's trending order), for quiet digests and "also trending". */
export async function loadTrendingPool(): Promise<{ paperId: number; trendingScore: number }[]> {
  return db.$queryRaw`
    SELECT p.id AS "paperId", p.trending_score AS "trendingScore"
    FROM paper p ORDER BY p.trending_score DESC, p.id DESC LIMIT ${POOL_SIZE}`;
}
