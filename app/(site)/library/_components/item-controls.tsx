import type { LibraryItem } from "@/lib/library/list-library";
import type { Rating } from "@/lib/library/rate-paper";

import { itemAction } from "../actions";

/**
 * A library card's controls in one form: select it for the bulk bar, edit its tags, remove it and
 * rate it. A plain server form, posted back to the view it came from, with or without JavaScript:
 * one form and two hidden fields a card, where separate tag, save and rating forms (the latter two
 * carrying their state serialised for React) sent 28 KB of hidden fields with a page of 25.
 */
export function ItemControls({ item, rating, returnTo }: { item: LibraryItem; rating: Rating | null; returnTo: string }) {
  const { paper } = item;
  const tagsId = `tags-${paper.id}`;
  const rate = (value: Rating, label: string, icon: string) => (
    <button
      type="submit"
      name="intent"
      value={rating === value ? "rate-none" : `rate-${value}`}
      aria-pressed={rating === value}
      aria-label={`${label}: ${paper.title}`}
      className="button-small"
    >
      <span aria-hidden="true">{icon}</span>
      {label}
    </button>
  );
  return (
    <form action={itemAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="arxivId" value={paper.arxivId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <label className="mr-1 inline-flex items-center gap-1.5 text-sm">
        {/* Belongs to the bulk bar's form at the top of the list: forms cannot nest. */}
        <input type="checkbox" name="arxivId" value={paper.arxivId} form="library-bulk" className="size-4 accent-accent-600" />
        Select<span className="sr-only">: {paper.title}</span>
      </label>
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
        className="input-small w-56"
      />
      {/* The form's first button: Enter in the tags field saves the tags. */}
      <button type="submit" name="intent" value="tags" className="button-small">
        Save tags
      </button>
      <span className="basis-full" aria-hidden="true" />
      <button type="submit" name="intent" value="remove" aria-pressed="true" aria-label={`Saved: ${paper.title}`} className="button-small">
        <span aria-hidden="true">★</span>
        Saved
      </button>
      {rate("more", "More like this", "+")}
      {rate("less", "Not for me", "−")}
    </form>
  );
}
