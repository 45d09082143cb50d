"use client";

import { AuthorLinks } from "@/components/author-links";
import { CategoryList } from "@/components/category-list";
import { Link } from "@/components/link";
import { PaperDate } from "@/components/paper-date";
import { plural } from "@/lib/format";
import type { PaperCard } from "@/lib/papers/paper-card";

/** Safe HTML of a search hit: the text escaped, the matched words in our own <mark> (lib/search/highlight.ts). */
export type CardHighlights = { title: string; abstract: string };

/**
 * What a card shows, its title and abstract already safe HTML (lib/papers/card-view.ts: math typeset
 * on the server, or a search's highlights).
 */
export type CardView = Pick<
  PaperCard,
  "arxivId" | "authors" | "authorCount" | "publishedOn" | "listedOn" | "primaryCategory" | "categories" | "upvotes"
> & {
  titleHtml: string;
  abstractHtml: string;
  /** A search hit's abstract is an excerpt around the matches, clamped to three lines. */
  highlighted: boolean;
};

type Props = {
  card: CardView;
  /** The author a search asked for, shown even when the card shortens the author list. */
  matchedAuthor?: string | null;
  /** The query's words a partial match lacks, shown struck through. */
  missing?: string[];
  /** The reader's save and rating controls, in their own row above the card-wide link so they stay clickable. */
  controls?: React.ReactNode;
};

/**
 * One paper in a list: the feed's trending papers, search results, an author's, a category's and
 * the library's papers. Its styles are the `card` classes of app/globals.css. A client component
 * for its payload: a page of 25 server-rendered cards sent React each card's whole element tree
 * beside the HTML (4 KB a card, half of a library page); this way it gets the card's data (1 KB).
 */
export function PaperCard({ card, matchedAuthor, missing = [], controls }: Props) {
  return (
    <article className="card">
      <div className="card-votes" aria-label={plural(card.upvotes, "upvote")}>
        <span aria-hidden="true">▲</span>
        <strong>{card.upvotes}</strong>
      </div>
      <div className="card-body">
        <h2>
          <Link href={`/papers/${card.arxivId}`}>
            <span dangerouslySetInnerHTML={{ __html: card.titleHtml }} />
          </Link>
        </h2>
        <AuthorLinks authors={card.authors} total={card.authorCount} matched={matchedAuthor} />
        {card.highlighted ? (
          <p className="card-abstract line-clamp-3" dangerouslySetInnerHTML={{ __html: card.abstractHtml }} />
        ) : (
          <p className="card-abstract">
            <span dangerouslySetInnerHTML={{ __html: card.abstractHtml }} />
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
          <PaperDate publishedOn={card.publishedOn} listedOn={card.listedOn} />
          <span className="font-mono">{card.arxivId}</span>
          <CategoryList primary={card.primaryCategory} categories={card.categories} />
        </div>
        {controls && <div className="card-controls">{controls}</div>}
      </div>
    </article>
  );
}
