import Link from "next/link";

import { CategoryList } from "@/components/category-list";
import { PaperDate } from "@/components/paper-date";
import { shortenAuthors } from "@/lib/format";
import type { PaperCard as PaperCardData } from "@/lib/papers/paper-card";

/** `controls` go in their own row, above the card-wide link so they stay clickable. */
export function PaperCard({ paper, rank, controls }: { paper: PaperCardData; rank?: number; controls?: React.ReactNode }) {
  return (
    <article className="group relative flex gap-4 rounded-lg border border-stone-200 bg-white p-4 transition hover:border-stone-300 hover:shadow-sm dark:border-stone-800 dark:bg-stone-900 dark:hover:border-stone-700">
      <div className="flex w-12 shrink-0 flex-col items-center text-stone-500 dark:text-stone-400" aria-label={`${paper.upvotes} upvotes`}>
        <span aria-hidden="true" className="text-xs">▲</span>
        <span className="font-semibold tabular-nums text-stone-800 dark:text-stone-100">{paper.upvotes}</span>
        {rank !== undefined && <span className="mt-1 text-xs tabular-nums">#{rank}</span>}
      </div>
      <div className="min-w-0 flex-1 space-y-1.5">
        <h2 className="font-serif text-lg font-semibold leading-snug">
          <Link href={`/papers/${paper.arxivId}`} className="after:absolute after:inset-0 hover:underline">
            {paper.title}
          </Link>
        </h2>
        <p className="text-sm text-stone-600 dark:text-stone-300">{shortenAuthors(paper.authors, paper.authorCount)}</p>
        <p className="line-clamp-2 text-sm text-stone-700 dark:text-stone-300">{paper.abstractPreview}</p>
        <div className="flex flex-wrap items-center gap-3 pt-1 text-xs text-stone-500 dark:text-stone-400">
          <PaperDate publishedOn={paper.publishedOn} listedOn={paper.listedOn} />
          <span className="font-mono">{paper.arxivId}</span>
          <CategoryList primary={paper.primaryCategory} categories={paper.categories} />
        </div>
        {controls && <div className="relative z-10 pt-2">{controls}</div>}
      </div>
    </article>
  );
}
