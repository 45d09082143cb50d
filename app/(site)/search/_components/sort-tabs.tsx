import { Link } from "@/components/link";
import type { SearchSort } from "@/lib/search/search-query";

import { searchHref, type SearchState } from "./search-href";

const LABELS: Record<SearchSort, string> = { relevance: "Relevance", newest: "Newest", upvotes: "Most upvoted" };

export function SortTabs({ state, current, canRank }: { state: SearchState; current: SearchSort; canRank: boolean }) {
  const sorts: SearchSort[] = canRank ? ["relevance", "newest", "upvotes"] : ["newest", "upvotes"];
  return (
    <nav aria-label="Sort results" className="flex gap-1 rounded-lg bg-stone-200/60 p-1 text-sm dark:bg-stone-800/60">
      {sorts.map((sort) => (
        <Link
          key={sort}
          href={searchHref({ ...state, sort, cursor: undefined })}
          aria-current={sort === current ? "page" : undefined}
          className={
            sort === current
              ? "rounded-md bg-white px-3 py-1.5 font-medium shadow-sm dark:bg-stone-700"
              : "rounded-md px-3 py-1.5 text-stone-600 hover:text-stone-900 dark:text-stone-300 dark:hover:text-white"
          }
        >
          {LABELS[sort]}
        </Link>
      ))}
    </nav>
  );
}
