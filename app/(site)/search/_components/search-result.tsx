import Link from "next/link";

import { CategoryList } from "@/components/category-list";
import { PaperDate } from "@/components/paper-date";
import { shortenAuthors } from "@/lib/format";
import type { SearchHit } from "@/lib/search/search-papers";

const markClass = "[&_mark]:rounded-sm [&_mark]:bg-amber-200 [&_mark]:px-0.5 [&_mark]:text-inherit dark:[&_mark]:bg-amber-400/30";

export function SearchResult({ hit }: { hit: SearchHit }) {
  return (
    <article className="group relative flex gap-4 rounded-lg border border-stone-200 bg-white p-4 transition hover:border-stone-300 hover:shadow-sm dark:border-stone-800 dark:bg-stone-900 dark:hover:border-stone-700">
      <div className="flex w-12 shrink-0 flex-col items-center text-stone-500 dark:text-stone-400" aria-label={`${hit.upvotes} upvotes`}>
        <span aria-hidden="true" className="text-xs">▲</span>
        <span className="font-semibold tabular-nums text-stone-800 dark:text-stone-100">{hit.upvotes}</span>
      </div>
      <div className={`min-w-0 flex-1 space-y-1.5 ${markClass}`}>
        <h2 className="font-serif text-lg font-semibold leading-snug">
          {/* highlights are escaped HTML with our own <mark> only (lib/search/highlight.ts) */}
          <Link href={`/papers/${hit.arxivId}`} className="after:absolute after:inset-0 hover:underline">
            <span dangerouslySetInnerHTML={{ __html: hit.highlights.title }} />
          </Link>
        </h2>
        <p className="text-sm text-stone-600 dark:text-stone-300">{shortenAuthors(hit.authors, hit.authorCount)}</p>
        <p className="line-clamp-3 text-sm text-stone-700 dark:text-stone-300" dangerouslySetInnerHTML={{ __html: hit.highlights.abstract }} />
        {hit.missing.length > 0 && (
          <p className="text-xs text-stone-600 dark:text-stone-400">
            Missing:{" "}
            {hit.missing.map((word, index) => (
              <span key={word}>
                {index > 0 && ", "}
                <s>{word}</s>
              </span>
            ))}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3 pt-1 text-xs text-stone-500 dark:text-stone-400">
          <PaperDate publishedOn={hit.publishedOn} listedOn={hit.listedOn} />
          <span className="font-mono">{hit.arxivId}</span>
          <CategoryList primary={hit.primaryCategory} categories={hit.categories} />
        </div>
      </div>
    </article>
  );
}
