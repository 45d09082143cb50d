import { PaperControls } from "@/components/paper-controls";
import type { LibraryItem } from "@/lib/library/list-library";
import type { PaperMark } from "@/lib/library/paper-marks";

import { setTagsAction } from "../actions";

const smallButton =
  "rounded-md border border-stone-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900 dark:hover:bg-stone-800";

/** A library card's controls: select for the bulk bar, edit its tags, save and rate. */
export function ItemControls({ item, mark, returnTo }: { item: LibraryItem; mark: PaperMark; returnTo: string }) {
  const { paper } = item;
  const tagsId = `tags-${paper.id}`;
  return (
    <div className="space-y-2">
      {item.tags.length > 0 && (
        <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
          {item.tags.map((tag) => (
            <li
              key={tag}
              className="rounded-full bg-accent-50 px-2 py-0.5 text-xs font-medium text-accent-700 dark:bg-stone-800 dark:text-accent-300"
            >
              {tag}
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <label className="inline-flex items-center gap-1.5 text-sm">
          {/* Belongs to the bulk bar's form at the top of the list: forms cannot nest. */}
          <input type="checkbox" name="arxivId" value={paper.arxivId} form="library-bulk" className="size-4 accent-accent-600" />
          Select<span className="sr-only">: {paper.title}</span>
        </label>
        <form action={setTagsAction} className="flex min-w-0 flex-wrap items-center gap-2">
          <input type="hidden" name="arxivId" value={paper.arxivId} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <label htmlFor={tagsId} className="sr-only">
            Tags for {paper.title}, separated by commas
          </label>
          <input
            id={tagsId}
            name="tags"
            list="library-tag-names"
            defaultValue={item.tags.join(", ")}
            placeholder="Add tags, comma-separated"
            maxLength={800}
            className="w-56 max-w-full rounded-md border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-600 dark:bg-stone-950"
          />
          <button type="submit" className={smallButton}>
            Save tags
          </button>
        </form>
      </div>
      <PaperControls arxivId={paper.arxivId} title={paper.title} mark={mark} />
    </div>
  );
}
