import { Link } from "@/components/link";
import { RichText } from "@/components/rich-text";
import type { TastePaper } from "@/lib/for-you/taste-papers";
import { plural } from "@/lib/format";

import { editTasteAction } from "../actions";

const button =
  "rounded-md border border-stone-300 bg-white px-2.5 py-1 text-sm font-medium hover:border-accent-600 hover:text-accent-700 dark:border-stone-700 dark:bg-stone-900 dark:hover:text-accent-300";

/** How the reader marked a paper, in the words of the buttons they pressed. */
function marks(paper: TastePaper): string {
  const rating = paper.rating === "more" ? "More like this" : paper.rating === "less" ? "Not for me" : null;
  return [paper.saved && "Saved", rating].filter(Boolean).join(" · ");
}

/** One side of the taste editor: its papers, each with a form to flip it to the other side or forget it. */
export function TasteList({
  id,
  title,
  description,
  papers,
  flip,
  empty,
}: {
  id: string;
  title: string;
  description: string;
  papers: TastePaper[];
  flip: { intent: "like" | "dislike"; label: string };
  empty: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <div>
        <h2 id={`${id}-title`} className="text-lg font-medium">
          {title} <span className="text-sm font-normal text-stone-600 dark:text-stone-400">({plural(papers.length, "paper")})</span>
        </h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">{description}</p>
      </div>
      {papers.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-4 text-stone-700 dark:border-stone-700 dark:text-stone-300">
          {empty}
        </p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {papers.map((paper) => (
            <li key={paper.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 p-3">
              <div className="min-w-0 flex-1 basis-64">
                <Link href={`/papers/${paper.arxivId}`} className="font-medium break-words hover:underline">
                  <RichText text={paper.title} />
                </Link>
                <p className="text-xs text-stone-600 dark:text-stone-400">
                  <span className="font-mono">{paper.arxivId}</span> · {marks(paper)}
                </p>
              </div>
              <form action={editTasteAction} className="flex shrink-0 gap-2">
                <input type="hidden" name="arxivId" value={paper.arxivId} />
                <button type="submit" name="intent" value={flip.intent} aria-label={`${flip.label}: ${paper.title}`} className={button}>
                  {flip.label}
                </button>
                <button type="submit" name="intent" value="forget" aria-label={`Forget: ${paper.title}`} className={button}>
                  Forget
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
