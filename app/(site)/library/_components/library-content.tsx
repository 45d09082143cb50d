"use client";

import { CardList } from "@/components/card-list";
import { Link } from "@/components/link";
import { Notice } from "@/components/notice";
import { ParameterError } from "@/components/parameter-error";
import { plural } from "@/lib/format";
import type { LibraryView } from "@/lib/library/library-view";

import { BulkBar } from "./bulk-bar";
import { ItemControls } from "./item-controls";
import { LibraryEmpty } from "./library-empty";
import { LibraryFilters } from "./library-filters";
import { libraryHref, type LibraryState } from "./library-href";
import { TagList } from "./tag-list";

/** What a change made from the page says when it comes back (actions.ts), by the `notice` parameter. */
const NOTICES: Record<string, { tone: "success" | "warning"; title: string }> = {
  "tags-saved": { tone: "success", title: "Tags saved." },
  removed: { tone: "success", title: "Removed from your library." },
  retagged: { tone: "success", title: "Tags changed." },
  rated: { tone: "success", title: "Rating saved." },
  "none-selected": { tone: "warning", title: "Nothing changed: tick the papers to change first." },
  "bad-tags": { tone: "warning", title: "Nothing changed: tags have 1 to 40 characters, no commas inside a tag, at most 20 at once." },
  "slow-down": { tone: "warning", title: "Too many changes at once; wait a minute and try again." },
};

/**
 * The library as the reader asked for it, from its data: rendered on the server, or drawn by the
 * page's script from the data its shell carries (library-loader.tsx).
 */
export function LibraryContent({ view, state, notice }: { view: LibraryView; state: LibraryState; notice?: string }) {
  const returnTo = libraryHref(state);
  const shownNotice = notice ? NOTICES[notice] : undefined;
  const filtered = Boolean(state.q || state.tag);

  return (
    <>
      <LibraryHeading total={view.total}>
        {view.total > 0 && (
          <a
            href={`/api/library/bibtex${state.tag ? `?tag=${encodeURIComponent(state.tag)}` : ""}`}
            className="font-medium text-accent-700 underline dark:text-accent-300"
          >
            Export {state.tag ? `“${state.tag}”` : "all"} as BibTeX
          </a>
        )}
      </LibraryHeading>
      {shownNotice && <Notice tone={shownNotice.tone} role="status" title={shownNotice.title} />}

      {view.total === 0 ? (
        <LibraryEmpty />
      ) : (
        <>
          <TagList tags={view.tags} total={view.total} state={state} />
          <LibraryFilters state={state} />
          <datalist id="library-tag-names">
            {view.tags.map((tag) => (
              <option key={tag.name} value={tag.name} />
            ))}
          </datalist>
          {view.items.length === 0 ? (
            <div className="rounded-lg border border-dashed border-stone-300 p-8 text-center dark:border-stone-700">
              <h2 className="text-lg font-medium">{state.cursor ? "No more papers." : "No saved paper matches."}</h2>
              {filtered && (
                <p className="mt-3">
                  <Link href="/library" className="text-accent-700 underline dark:text-accent-300">
                    Show your whole library
                  </Link>
                </p>
              )}
            </div>
          ) : (
            <>
              <BulkBar returnTo={returnTo} />
              <CardList
                items={view.items}
                controls={(item) => (
                  <ItemControls arxivId={item.card.arxivId} title={item.title} tags={item.tags} rating={item.rating} returnTo={returnTo} />
                )}
              />
            </>
          )}
          {view.nextCursor && (
            <div className="text-center">
              <Link
                href={libraryHref({ ...state, cursor: view.nextCursor })}
                className="inline-block rounded-md border border-stone-300 px-4 py-2 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
              >
                More papers
              </Link>
            </div>
          )}
        </>
      )}
    </>
  );
}

/** The page's title and links, with how many papers it holds once that is known (null while the list loads). */
export function LibraryHeading({ total, children }: { total: number | null; children?: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your library</h1>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          {total === null ? <span className="noscript:hidden">Loading your papers…</span> : `${plural(total, "paper")} saved`}
        </p>
      </div>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href="/library/import" className="font-medium text-accent-700 underline dark:text-accent-300">
          Import
        </Link>
        {children}
      </p>
    </div>
  );
}

export function LibraryParameterError({ issues }: { issues: readonly { message: string }[] }) {
  return (
    <ParameterError
      title="This link has a parameter we cannot read"
      issues={issues}
      back={{ href: "/library", label: "Show your whole library" }}
    />
  );
}
