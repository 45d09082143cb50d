import "server-only";

import { readDb } from "@/lib/db-read";

import { matchingAuthor } from "./matching-author";

/**
 * For a search with `author:` terms: the author each result matched, by paper id. Cards show three
 * names, and the one searched for is often further down the list (one primary-key read per page).
 */
export async function findMatchedAuthors(paperIds: number[], terms: string[][]): Promise<Map<number, string>> {
  if (terms.length === 0 || paperIds.length === 0) return new Map();
  const rows = await readDb.paper.findMany({ where: { id: { in: paperIds } }, select: { id: true, authors: true } });
  const matched = new Map<number, string>();
  for (const row of rows) {
    const name = matchingAuthor(row.authors, terms);
    if (name) matched.set(row.id, name);
  }
  return matched;
}
