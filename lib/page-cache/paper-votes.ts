import "server-only";

import { db } from "@/lib/db";
import { readDb } from "@/lib/db-read";

import { paperIdOfPath } from "./cacheable";
import type { PageStore } from "./page-store";

const CHECK_EVERY_MS = 1_000;

/**
 * A paper's vote count as its page is about to render it, read the way the page reads (a replica
 * when one serves). Null when there is no such paper.
 */
export async function paperVotesVersion(arxivId: string): Promise<string | null> {
  const [row] = await readDb.$queryRaw<{ votes: number }[]>`SELECT votes FROM paper WHERE arxiv_id = ${arxivId}`;
  return row ? String(row.votes) : null;
}

/**
 * Every second, the vote counts of the cached paper pages from the primary: a page whose count
 * moved (a vote on any instance, an imported upvote) is served stale until one request renders it
 * again, so a vote shows to everyone within a second and a render. Behind a lagging replica the
 * page renders the old count again and is refreshed again next second, until the replica catches up.
 */
export function watchPaperVotes(store: PageStore): void {
  const check = async () => {
    const pages: { key: string; arxivId: string; version: string }[] = [];
    for (const [key, page] of store.entries()) {
      const arxivId = paperIdOfPath(key);
      if (arxivId && page.version !== null) pages.push({ key, arxivId, version: page.version });
    }
    if (pages.length === 0) return;
    const rows = await db.$queryRaw<{ arxivId: string; votes: number }[]>`
      SELECT arxiv_id AS "arxivId", votes FROM paper WHERE arxiv_id = ANY(${pages.map((page) => page.arxivId)}::text[])`;
    const votes = new Map(rows.map((row) => [row.arxivId, String(row.votes)]));
    for (const page of pages) if (votes.get(page.arxivId) !== page.version) store.markStale(page.key);
  };
  let running = false;
  setInterval(() => {
    if (running) return;
    running = true;
    // A failed check (the database away for a moment) is tried again next second.
    check()
      .catch(() => undefined)
      .finally(() => (running = false));
  }, CHECK_EVERY_MS).unref();
}
