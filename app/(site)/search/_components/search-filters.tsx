import { Link } from "@/components/link";
import { KNOWN_CATEGORIES } from "@/lib/search/known-categories";

import { searchHref, type SearchState } from "./search-href";

// Offered as you type, the most searched first, then every category arXiv has.
const COMMON_CATEGORIES = [
  "cs.LG",
  "cs.CL",
  "cs.CV",
  "cs.AI",
  "cs.RO",
  "cs.IR",
  "cs.NE",
  "cs.CR",
  "stat.ML",
  "math.OC",
  "q-bio.NC",
  "eess.AS",
];
const OFFERED_CATEGORIES = [...COMMON_CATEGORIES, ...KNOWN_CATEGORIES.filter((category) => !COMMON_CATEGORIES.includes(category))];

const fieldClass = "rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900";

/** Category and date filters: a plain GET form, so the filters live in the URL. */
export function SearchFilters({ state }: { state: SearchState }) {
  const filtered = Boolean(state.category || state.from || state.to);
  return (
    <form action="/search" aria-label="Filters" className="flex flex-wrap items-end gap-3 text-sm">
      <input type="hidden" name="q" value={state.q} />
      {state.sort && <input type="hidden" name="sort" value={state.sort} />}
      <div className="flex flex-col gap-1">
        <label htmlFor="search-category" className="text-stone-600 dark:text-stone-300">
          Category
        </label>
        <input
          id="search-category"
          name="category"
          list="search-categories"
          defaultValue={state.category}
          placeholder="any, e.g. cs.LG"
          maxLength={40}
          className={`${fieldClass} w-36`}
        />
        <datalist id="search-categories">
          {OFFERED_CATEGORIES.map((category) => (
            <option key={category} value={category} />
          ))}
        </datalist>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="search-from" className="text-stone-600 dark:text-stone-300">
          From
        </label>
        <input id="search-from" type="date" name="from" defaultValue={state.from} className={fieldClass} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="search-to" className="text-stone-600 dark:text-stone-300">
          To
        </label>
        <input id="search-to" type="date" name="to" defaultValue={state.to} className={fieldClass} />
      </div>
      <button
        type="submit"
        className="rounded-md border border-stone-300 px-3 py-1 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
      >
        Apply filters
      </button>
      {filtered && (
        <Link href={searchHref({ q: state.q, sort: state.sort })} className="py-1 text-accent-700 underline dark:text-accent-300">
          Clear filters
        </Link>
      )}
    </form>
  );
}
