import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { Link } from "@/components/link";
import { Notice } from "@/components/notice";
import { PaperCard } from "@/components/paper-card";
import { plural } from "@/lib/format";
import { searchParamsToObject } from "@/lib/http/search-params";
import { libraryQuerySchema } from "@/lib/library/library-query";
import { getLibrarySummary } from "@/lib/library/library-summary";
import { listLibrary } from "@/lib/library/list-library";
import { cardView } from "@/lib/papers/card-view";
import { getCurrentReader } from "@/lib/readers/current-reader";

import { BulkBar } from "./_components/bulk-bar";
import { ItemControls } from "./_components/item-controls";
import { LibraryEmpty } from "./_components/library-empty";
import { LibraryFilters } from "./_components/library-filters";
import { libraryHref, type LibraryState } from "./_components/library-href";
import { MergeBrowserSaves } from "./_components/merge-browser-saves";
import { TagList } from "./_components/tag-list";

export const metadata: Metadata = { title: "Your library", robots: { index: false } };

const NOTICES: Record<string, { tone: "success" | "warning"; title: string }> = {
  "tags-saved": { tone: "success", title: "Tags saved." },
  removed: { tone: "success", title: "Removed from your library." },
  retagged: { tone: "success", title: "Tags changed." },
  rated: { tone: "success", title: "Rating saved." },
  "none-selected": { tone: "warning", title: "Nothing changed: tick the papers to change first." },
  "bad-tags": { tone: "warning", title: "Nothing changed: tags have 1 to 40 characters, no commas inside a tag, at most 20 at once." },
  "slow-down": { tone: "warning", title: "Too many changes at once; wait a minute and try again." },
};

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LibraryPage({ searchParams }: PageProps) {
  const reader = await getCurrentReader();
  if (!reader) redirect("/sign-in?next=/library");
  const params = searchParamsToObject(await searchParams);
  const parsed = libraryQuerySchema.safeParse(params);
  if (!parsed.success) {
    return (
      <div role="alert" className="py-12 text-center">
        <h1 className="text-xl font-semibold">This link has a parameter we cannot read</h1>
        <p className="mt-2 text-stone-600 dark:text-stone-300">{parsed.error.issues.map((issue) => issue.message).join("; ")}.</p>
        <Link href="/library" className="mt-6 inline-block text-accent-700 underline dark:text-accent-300">
          Show your whole library
        </Link>
      </div>
    );
  }
  const query = parsed.data;
  const state: LibraryState = { q: query.q, tag: query.tag, sort: query.sort };
  const [summary, page] = await Promise.all([getLibrarySummary(reader.readerId), listLibrary(reader.readerId, query)]);
  const returnTo = libraryHref({ ...state, cursor: query.cursor });
  const notice = params.notice ? NOTICES[params.notice] : undefined;
  const filtered = Boolean(query.q || query.tag);

  return (
    <div className="space-y-6">
      <MergeBrowserSaves />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Your library</h1>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">{plural(summary.total, "paper")} saved</p>
        </div>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href="/library/import" className="font-medium text-accent-700 underline dark:text-accent-300">
            Import
          </Link>
          {summary.total > 0 && (
            <a
              href={`/api/library/bibtex${query.tag ? `?tag=${encodeURIComponent(query.tag)}` : ""}`}
              className="font-medium text-accent-700 underline dark:text-accent-300"
            >
              Export {query.tag ? `“${query.tag}”` : "all"} as BibTeX
            </a>
          )}
        </p>
      </div>
      {notice && <Notice tone={notice.tone} role="status" title={notice.title} />}

      {summary.total === 0 ? (
        <LibraryEmpty />
      ) : (
        <>
          <TagList tags={summary.tags} total={summary.total} state={state} />
          <LibraryFilters state={state} />
          <datalist id="library-tag-names">
            {summary.tags.map((tag) => (
              <option key={tag.name} value={tag.name} />
            ))}
          </datalist>
          {page.items.length === 0 ? (
            <div className="rounded-lg border border-dashed border-stone-300 p-8 text-center dark:border-stone-700">
              <h2 className="text-lg font-medium">{query.cursor ? "No more papers." : "No saved paper matches."}</h2>
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
              <ol className="space-y-3">
                {page.items.map((item) => (
                  <li key={item.paper.id}>
                    <PaperCard
                      card={cardView(item.paper)}
                      controls={
                        <ItemControls
                          arxivId={item.paper.arxivId}
                          title={item.paper.title}
                          tags={item.tags}
                          rating={item.rating}
                          returnTo={returnTo}
                        />
                      }
                    />
                  </li>
                ))}
              </ol>
            </>
          )}
          {page.nextCursor && (
            <div className="text-center">
              <Link
                href={libraryHref({ ...state, cursor: page.nextCursor })}
                className="inline-block rounded-md border border-stone-300 px-4 py-2 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
              >
                More papers
              </Link>
            </div>
          )}
        </>
      )}
    </div>
  );
}
