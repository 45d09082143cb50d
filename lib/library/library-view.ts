import "server-only";

import type { CardView } from "@/components/paper-card";
import { cardView } from "@/lib/papers/card-view";

import type { LibraryQuery } from "./library-query";
import { getLibrarySummary, type TagCount } from "./library-summary";
import { listLibrary } from "./list-library";
import type { Rating } from "./rate-paper";

export type LibraryViewItem = { card: CardView; title: string; tags: string[]; rating: Rating | null };

/** What /library shows for a query, as data: the page renders it, or its shell carries it to the browser (lib/readers/personal-shells.ts). */
export type LibraryView = { total: number; tags: TagCount[]; items: LibraryViewItem[]; nextCursor: string | null };

export async function loadLibraryView(readerId: number, query: LibraryQuery): Promise<LibraryView> {
  const [summary, page] = await Promise.all([getLibrarySummary(readerId), listLibrary(readerId, query)]);
  return {
    total: summary.total,
    tags: summary.tags,
    items: page.items.map((item) => ({ card: cardView(item.paper), title: item.paper.title, tags: item.tags, rating: item.rating })),
    nextCursor: page.nextCursor,
  };
}
