import { Link } from "@/components/link";
import { PaperCard, type CardHighlights } from "@/components/paper-card";
import { cardView } from "@/lib/papers/card-view";
import type { PaperCard as PaperCardData } from "@/lib/papers/paper-card";

type ListedPaper = PaperCardData & { highlights?: CardHighlights; matchedAuthor?: string | null; missing?: string[] };

/** A page of papers and the link to the next page, as the feed, search and the author and category pages show them. */
type Props<T extends ListedPaper> = {
  papers: T[];
  /** The reader's controls for each paper (save, rate), when the page shows them. */
  controls?: (paper: T) => React.ReactNode;
  more?: { href: string; label: string } | null;
};

export function PaperList<T extends ListedPaper>({ papers, controls, more }: Props<T>) {
  return (
    <>
      <ol className="space-y-3">
        {papers.map((paper) => (
          <li key={paper.id}>
            <PaperCard
              card={cardView(paper, paper.highlights)}
              matchedAuthor={paper.matchedAuthor}
              missing={paper.missing}
              controls={controls?.(paper)}
            />
          </li>
        ))}
      </ol>
      {more && (
        <div className="text-center">
          <Link
            href={more.href}
            className="inline-block rounded-md border border-stone-300 px-4 py-2 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
          >
            {more.label}
          </Link>
        </div>
      )}
    </>
  );
}
