import { Link } from "@/components/link";
import type { TagCount } from "@/lib/library/library-summary";

import { libraryHref, type LibraryState } from "./library-href";

const chip = "inline-flex items-center gap-1 rounded-full border px-3 py-1 text-sm";
const idleChip = `${chip} border-stone-300 hover:border-accent-600 dark:border-stone-700`;
const currentChip = `${chip} border-accent-600 bg-accent-600 text-white`;

/** Every tag with its count; the current one is pressed, and "All" leaves the filter. */
export function TagList({ tags, total, state }: { tags: TagCount[]; total: number; state: LibraryState }) {
  if (tags.length === 0) return null;
  return (
    <nav aria-label="Tags">
      <ul className="flex flex-wrap gap-2">
        <li>
          <Link
            href={libraryHref({ ...state, tag: undefined, cursor: undefined })}
            aria-current={!state.tag ? "page" : undefined}
            className={!state.tag ? currentChip : idleChip}
          >
            All <span className="tabular-nums opacity-80">{total}</span>
          </Link>
        </li>
        {tags.map((tag) => {
          const current = state.tag?.toLowerCase() === tag.name.toLowerCase();
          return (
            <li key={tag.name}>
              <Link
                href={libraryHref({ ...state, tag: tag.name, cursor: undefined })}
                aria-current={current ? "page" : undefined}
                className={current ? currentChip : idleChip}
              >
                {tag.name} <span className="tabular-nums opacity-80">{tag.count}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
