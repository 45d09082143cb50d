import "server-only";

import { readDb } from "@/lib/db-read";

/** A sitemap file holds at most 50,000 URLs. */
export const SITEMAP_PAGE_SIZE = 50_000;

export async function countSitemapPages(): Promise<number> {
  const { _max } = await readDb.paper.aggregate({ _max: { id: true } });
  return Math.max(1, Math.ceil((_max.id ?? 0) / SITEMAP_PAGE_SIZE));
}

/** The papers of one sitemap file: a range of ids, so each file is one primary-key range scan. */
export async function listSitemapPapers(page: number): Promise<{ arxivId: string; updatedAt: Date }[]> {
  return readDb.paper.findMany({
    where: { id: { gt: page * SITEMAP_PAGE_SIZE, lte: (page + 1) * SITEMAP_PAGE_SIZE } },
    select: { arxivId: true, updatedAt: true },
    orderBy: { id: "asc" },
  });
}
