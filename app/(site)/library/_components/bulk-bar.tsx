import { bulkAction } from "../actions";

const button =
  "rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900 dark:hover:bg-stone-800";

/** Acts on the papers ticked below (their checkboxes name this form with `form="library-bulk"`). */
export function BulkBar({ returnTo }: { returnTo: string }) {
  return (
    <form
      id="library-bulk"
      action={bulkAction}
      aria-label="Change the selected papers"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900"
    >
      <input type="hidden" name="returnTo" value={returnTo} />
      <div>
        <label htmlFor="bulk-tag" className="block text-sm font-medium">
          Tag for the selected papers
        </label>
        <input id="bulk-tag" name="tag" list="library-tag-names" maxLength={40} className="input-small mt-1 w-48" />
      </div>
      <button type="submit" name="intent" value="add-tag" className={button}>
        Add tag
      </button>
      <button type="submit" name="intent" value="remove-tag" className={button}>
        Remove tag
      </button>
      <button type="submit" name="intent" value="remove" className={`${button} text-red-700 dark:text-red-400`}>
        Remove selected from library
      </button>
    </form>
  );
}
