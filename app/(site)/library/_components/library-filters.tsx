import { fieldClass } from "@/components/preference-fields";
import type { LibrarySort } from "@/lib/library/library-query";

import type { LibraryState } from "./library-href";

const SORT_LABELS: Record<LibrarySort, string> = { saved: "Date saved", published: "Date published", title: "Title" };

/** Search within the library and sort it: a GET form, so every view is a link. */
export function LibraryFilters({ state }: { state: LibraryState }) {
  return (
    <form method="get" action="/library" role="search" aria-label="Library" className="flex flex-wrap items-end gap-3">
      {state.tag && <input type="hidden" name="tag" value={state.tag} />}
      <div className="min-w-0 flex-1 basis-48">
        <label htmlFor="library-q" className="block text-sm font-medium">
          Search your library
        </label>
        <input id="library-q" name="q" type="search" defaultValue={state.q} maxLength={200} className={`${fieldClass} mt-1`} />
      </div>
      <div>
        <label htmlFor="library-sort" className="block text-sm font-medium">
          Sort by
        </label>
        <select id="library-sort" name="sort" defaultValue={state.sort ?? "saved"} className={`${fieldClass} mt-1`}>
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900 dark:hover:bg-stone-800"
      >
        Show
      </button>
    </form>
  );
}
