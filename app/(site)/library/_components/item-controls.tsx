"use client";

import type { Rating } from "@/lib/library/rate-paper";

import { itemAction } from "../actions";

/**
 * A library card's controls in one form: select it for the bulk bar, edit its tags, remove it and
 * rate it. A plain server form, posted back to the view it came from, with or without JavaScript:
 * one form and two hidden fields a card, where separate tag, save and rating forms (the latter two
 * carrying their state serialised for React) sent 28 KB of hidden fields with a page of 25. A client
 * component given what it shows, so React's payload holds those few values, not the form's elements.
 */
export function ItemControls({
  arxivId,
  title,
  tags,
  rating,
  returnTo,
}: {
  arxivId: string;
  title: string;
  tags: string[];
  rating: Rating | null;
  returnTo: string;
}) {
  const tagsId = `tags-${arxivId}`;
  const rate = (value: Rating, label: string, icon: string) => (
    <button
      type="submit"
      name="intent"
      value={rating === value ? "rate-none" : `rate-${value}`}
      aria-pressed={rating === value}
      aria-label={`${label}: ${title}`}
      className="button-small"
    >
      <span aria-hidden="true">{icon}</span>
      {label}
    </button>
  );
  return (
    <form action={itemAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="arxivId" value={arxivId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <label className="mr-1 inline-flex items-center gap-1.5 text-sm">
        {/* Belongs to the bulk bar's form at the top of the list: forms cannot nest. */}
        <input type="checkbox" name="arxivId" value={arxivId} form="library-bulk" className="size-4 accent-accent-600" />
        Select<span className="sr-only">: {title}</span>
      </label>
      <label htmlFor={tagsId} className="sr-only">
        Tags for {title}, separated by commas
      </label>
      <input
        id={tagsId}
        name="tags"
        list="library-tag-names"
        defaultValue={tags.join(", ")}
        placeholder="Add tags, comma-separated"
        maxLength={800}
        className="input-small w-56"
      />
      {/* The form's first button: Enter in the tags field saves the tags. */}
      <button type="submit" name="intent" value="tags" className="button-small">
        Save tags
      </button>
      <span className="basis-full" aria-hidden="true" />
      <button type="submit" name="intent" value="remove" aria-pressed="true" aria-label={`Saved: ${title}`} className="button-small">
        <span aria-hidden="true">★</span>
        Saved
      </button>
      {rate("more", "More like this", "+")}
      {rate("less", "Not for me", "−")}
    </form>
  );
}
