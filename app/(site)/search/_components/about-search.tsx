import { RECENCY_BOOST, RECENCY_HALF_LIFE_DAYS, RELEVANCE_CANDIDATES, VOTES_BOOST, VOTES_SATURATION } from "@/lib/search/ranking";

export function AboutSearch() {
  return (
    <details className="rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-700 dark:border-stone-800 dark:bg-stone-900 dark:text-stone-300">
      <summary className="cursor-pointer font-medium text-stone-900 dark:text-stone-100">About search ranking</summary>
      <div className="mt-3 space-y-2">
        <p>
          Relevance weighs where your words appear: in the title most, then in the author names, then in the abstract, with long abstracts
          not favoured for their length. Recent and upvoted papers get a small boost (at most {Math.round(RECENCY_BOOST * 100)}% for a paper
          from today, halving every {RECENCY_HALF_LIFE_DAYS} days, and at most {Math.round(VOTES_BOOST * 100)}% for {VOTES_SATURATION}{" "}
          upvotes or more), so it only orders papers that match about equally well.
        </p>
        <p>
          For words found in very many papers, relevance ranks the {RELEVANCE_CANDIDATES.toLocaleString("en-US")} newest matches; sort by
          newest or most upvoted to go through all of them.
        </p>
      </div>
    </details>
  );
}
