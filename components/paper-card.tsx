import Link from "next/link";

import { AuthorLinks } from "@/components/author-links";
import { CategoryList } from "@/components/category-list";
import { PaperDate } from "@/components/paper-date";
import { RichText } from "@/components/rich-text";
import { plural } from "@/lib/format";
import type { PaperCard as PaperCardData } from "@/lib/papers/paper-card";

/** Safe HTML of a search hit: the text escaped, the matched words in our own <mark> (lib/search/highlight.ts). */
export type CardHighlights = { title: string; abstract: string };

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

/**
 * One paper in a list: the feed's trending papers, search results, an author's, a category's and
 * the library's papers. Its styles are the `card` classes of app/globals.css: a page holds 20 to 25
 * cards, and its HTML and the React payload sent with it both spell out every class attribute.
 */
export function PaperCard({ paper, highlights, matchedAuthor, missing = [], rank, controls }: Props) {
  return (
    <article className="card">
      <div className="card-votes" aria-label={plural(paper.upvotes, "upvote")}>
        <span aria-hidden="true">▲</span>
        <strong>{paper.upvotes}</strong>
        {rank !== undefined && <span className="mt-1">#{rank}</span>}
      </div>
      <div className="card-body">
        <h2>
          <Link href={`/papers/${paper.arxivId}`}>
            {highlights ? <span dangerouslySetInnerHTML={{ __html: highlights.title }} /> : <RichText text={paper.title} />}
          </Link>
        </h2>
        <AuthorLinks authors={paper.authors} total={paper.authorCount} matched={matchedAuthor} />
        {highlights ? (
          <p className="card-abstract line-clamp-3" dangerouslySetInnerHTML={{ __html: highlights.abstract }} />
        ) : (
          <p className="card-abstract">
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
        <div className="card-meta">
          <PaperDate publishedOn={paper.publishedOn} listedOn={paper.listedOn} />
          <span className="font-mono">{paper.arxivId}</span>
          <CategoryList primary={paper.primaryCategory} categories={paper.categories} />
        </div>
        {controls && <div className="card-controls">{controls}</div>}
      </div>
    </article>
  );
}
