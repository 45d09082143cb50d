import { Link } from "@/components/link";
import { plural } from "@/lib/format";
import type { ImportSummary } from "@/lib/library/import-papers";

function IdList({ ids }: { ids: string[] }) {
  const shown = ids.slice(0, 50);
  return (
    <p className="mt-1 font-mono text-xs break-words text-stone-600 dark:text-stone-400">
      {shown.join(", ")}
      {ids.length > shown.length && ` and ${ids.length - shown.length} more`}
    </p>
  );
}

/** What an import did, paper by paper where it matters: what was added, what waits, what was skipped and why. */
export function ImportSummaryPanel({ summary }: { summary: ImportSummary }) {
  const rows: { label: string; count: number; ids?: string[]; why?: string }[] = [
    { label: "Added to your library", count: summary.added.length + summary.fetched.length, ids: [...summary.added, ...summary.fetched] },
    { label: "Fetched from arXiv just now", count: summary.fetched.length },
    { label: "Already in your library", count: summary.alreadySaved.length, why: "skipped" },
    {
      label: "Waiting for arXiv",
      count: summary.waiting.length,
      ids: summary.waiting.map((item) => item.arxivId),
      why: summary.waiting[0]?.reason,
    },
    { label: "Not on arXiv", count: summary.notFound.length, ids: summary.notFound, why: "skipped: arXiv has no paper with this id" },
    { label: "Repeated in what you imported", count: summary.duplicates, why: "counted once" },
    { label: "Entries without an arXiv id", count: summary.recordsWithoutId, why: "skipped: no eprint field, arXiv link or arXiv DOI" },
    { label: "Over the limit of 5,000 ids", count: summary.overLimit, why: "skipped: import the rest separately" },
  ];
  return (
    <section
      role="status"
      aria-labelledby="import-summary-heading"
      className="rounded-lg border border-emerald-300 bg-emerald-50 p-6 dark:border-emerald-800 dark:bg-emerald-950/40"
    >
      <h2 id="import-summary-heading" className="text-lg font-semibold">
        Found {plural(summary.found, "arXiv paper")}
      </h2>
      <dl className="mt-3 space-y-2">
        {rows
          .filter((row) => row.count > 0)
          .map((row) => (
            <div key={row.label}>
              <dt className="font-medium">
                {row.label}: <span className="tabular-nums">{row.count}</span>
                {row.why && <span className="font-normal text-stone-600 dark:text-stone-400"> ({row.why})</span>}
              </dt>
              {row.ids && row.ids.length > 0 && (
                <dd>
                  <IdList ids={row.ids} />
                </dd>
              )}
            </div>
          ))}
      </dl>
      <p className="mt-4">
        <Link href="/library" className="font-medium text-accent-700 underline dark:text-accent-300">
          Go to your library
        </Link>
      </p>
    </section>
  );
}
