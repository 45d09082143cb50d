import "server-only";

import { db } from "@/lib/db";
import { readDb } from "@/lib/db-read";

import { pageKind } from "./cacheable";
import type { PageStore } from "./page-store";

const CHECK_EVERY_MS = 1_000;
/** A copy is rendered again for votes at most this often, so a storm of votes costs few renders. */
export const MIN_VOTE_RENDER_GAP_MS = 2_000;

/** The upvote counts of papers by arXiv id, from `client` (by default as pages read them: a replica when one serves). */
export async function listedVotes(arxivIds: string[], client: Pick<typeof db, "$queryRaw"> = readDb): Promise<Record<string, number>> {
  if (arxivIds.length === 0) return {};
  const rows = await client.$queryRaw<{ arxivId: string; votes: number }[]>`
    SELECT arxiv_id AS "arxivId", votes FROM paper WHERE arxiv_id = ANY(${arxivIds}::text[])`;
  return Object.fromEntries(rows.map((row) => [row.arxivId, row.votes]));
}

const PAPER_LINK = /href="\/papers\/([^"?#]+)"/g;
const UPVOTE_FORM = /<form data-mark="upvote"[^>]*? data-upvotes="(\d+)"[\s\S]*?<input type="hidden" name="arxivId" value="([^"]+)"\/>/g;

/** The papers a rendered list links to, in the order it shows them. */
export function linkedPaperIds(html: string): string[] {
  return [...new Set([...html.matchAll(PAPER_LINK)].map(([, id]) => id!))];
}

/**
 * The upvote counts a rendered page shows on its upvote buttons (a paper page's, its own), by arXiv
 * id: exactly what its copy shows, so a vote after the render's read is seen as a change, without a
 * query of its own.
 */
export function shownUpvotes(html: string): Record<string, number> {
  return Object.fromEntries([...html.matchAll(UPVOTE_FORM)].map(([, count, arxivId]) => [arxivId!, Number(count)]));
}

/**
 * Every second, from the primary: the upvote counts of every paper a cached copy shows, and the
 * newest paper's id. A copy showing a count that moved (a vote on any instance, an imported upvote)
 * is rendered again before it is served, at most every MIN_VOTE_RENDER_GAP_MS; a new paper (an
 * ingest) does the same to the feeds, authors, categories and searches, where it may now appear. So
 * a vote shows to new visitors within about three seconds and a render, a new paper within one
 * second and a render. Behind a lagging replica a page may render the old count again; the next
 * check finds it still differs and renders again, until the replica catches up.
 */
export function watchListedVotes(store: PageStore): void {
  let newestPaper: number | null = null;
  const check = async () => {
    const [row] = await db.$queryRaw<{ newest: number | null }[]>`SELECT max(id) AS newest FROM paper`;
    const newest = row?.newest ?? null;
    if (newestPaper !== null && newest !== newestPaper) {
      for (const [key] of store.entries()) if (pageKind(new URL(key, "http://page").pathname) !== "paper") store.markOutdated(key);
    }
    newestPaper = newest;

    const now = Date.now();
    const copies = [...store.entries()].filter(([, page]) => now - page.renderedAt >= MIN_VOTE_RENDER_GAP_MS && page.usableUntil > now);
    const arxivIds = [...new Set(copies.flatMap(([, page]) => Object.keys(page.votes)))];
    if (arxivIds.length === 0) return;
    const votes = await listedVotes(arxivIds, db);
    for (const [key, page] of copies) {
      if (Object.entries(page.votes).some(([arxivId, count]) => votes[arxivId] !== count)) store.markOutdated(key);
    }
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
