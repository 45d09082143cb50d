import Link from "next/link";

import { AuthorLinks } from "@/components/author-links";
import { CategoryList } from "@/components/category-list";
import { PaperDate } from "@/components/paper-date";
import { RichText } from "@/components/rich-text";
import { plural } from "@/lib/format";
import type { PaperCard as PaperCardData } from "@/lib/papers/paper-card";

/** Safe HTML of a search hit: the text escaped, the matched words in our own <mark> (lib/search/highlight.ts). */
export type CardHighlights = { title: string; abstract: string };

const markClass = "[&_mark]:rounded-sm [&_mark]:bg-amber-200 [&_mark]:px-0.5 [&_mark]:text-inherit dark:[&_mark]:bg-amber-400/30";

type Props = {
  paper: PaperCardData;
  highlights?: CardHighlights;
  /** The author a search asked for, shown even when the card shortens the author list. */
  matchedAuthor?: string | null;
  /** The query's words a partial match lacks, shown struck through. */
  missing?: string[];
  rank?: number;
  /** The reader's save and rating controls, in their own row above the card-wide link so they stay clickable. */
  controls?: React.ReactNode;
};

/** One paper in a list: the feed's trending papers and search results alike. */
export function PaperCard({ paper, highlights, matchedAuthor, missing = [], rank, controls }: Props) {
  return (
    <article className="group relative flex gap-4 rounded-lg border border-stone-200 bg-white p-4 transition hover:border-stone-300 hover:shadow-sm dark:border-stone-800 dark:bg-stone-900 dark:hover:border-stone-700">
      <div
        className="flex w-12 shrink-0 flex-col items-center text-stone-500 dark:text-stone-400"
        aria-label={plural(paper.upvotes, "upvote")}
      >
        <span aria-hidden="true" className="text-xs">
          ▲
        </span>
        <span className="font-semibold text-stone-800 tabular-nums dark:text-stone-100">{paper.upvotes}</span>
        {rank !== undefined && <span className="mt-1 text-xs tabular-nums">#{rank}</span>}
      </div>
      <div className={`min-w-0 flex-1 space-y-1.5 ${markClass}`}>
        <h2 className="font-serif text-lg leading-snug font-semibold">
          <Link href={`/papers/${paper.arxivId}`} className="after:absolute after:inset-0 hover:underline">
            {highlights ? <span dangerouslySetInnerHTML={{ __html: highlights.title }} /> : <RichText text={paper.title} />}
          </Link>
        </h2>
        <AuthorLinks authors={paper.authors} total={paper.authorCount} matched={matchedAuthor} />
        {highlights ? (
          <p
            className="line-clamp-3 text-sm text-stone-700 dark:text-stone-300"
            dangerouslySetInnerHTML={{ __html: highlights.abstract }}
          />
        ) : (
          <p className="line-clamp-2 text-sm text-stone-700 dark:text-stone-300">
            <RichText text={paper.abstractPreview} />
          </p>
        )}
        {missing.length > 0 && (
          <p className="text-xs text-stone-600 dark:text-stone-400">
            Missing:{" "}
            {missing.map((word, index) => (
              <span key={word}>
                {index > 0 && ", "}
                <s>{word}</s>
              </span>
            ))}
          </p>
        )}
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
