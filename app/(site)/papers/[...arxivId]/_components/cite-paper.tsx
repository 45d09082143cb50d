import { CopyButton } from "./copy-button";

/**
 * "Cite": the BibTeX to select, copy (with JavaScript) or download. A <details> needs no script to
 * open, so the entry and the download work everywhere.
 */
export function CitePaper({ arxivId, bibtex }: { arxivId: string; bibtex: string }) {
  return (
    <details className="group w-full rounded-md border border-stone-300 text-sm open:bg-white dark:border-stone-700 dark:open:bg-stone-900">
      <summary className="cursor-pointer list-none px-3 py-1.5 font-medium group-open:border-b group-open:border-stone-200 hover:bg-stone-100 dark:group-open:border-stone-800 dark:hover:bg-stone-800">
        Cite
      </summary>
      <div className="space-y-2 p-3">
        <pre
          aria-label="BibTeX"
          tabIndex={0}
          className="overflow-x-auto rounded bg-stone-100 p-3 font-mono text-xs whitespace-pre dark:bg-stone-800"
        >
          {bibtex}
        </pre>
        <div className="flex flex-wrap items-center gap-3">
          <CopyButton text={bibtex} label="Copy BibTeX" />
          <a href={`/cite/${arxivId}`} download className="text-accent-700 underline dark:text-accent-300">
            Download .bib
          </a>
        </div>
      </div>
    </details>
  );
}
