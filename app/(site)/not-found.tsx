"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { arxivIdFromSegments } from "@/lib/papers/arxiv-id-param";

/** The arXiv id of a `/papers/…` path, when it is one: a paper we do not have yet. */
function missingPaperId(pathname: string): string | null {
  const [section, ...segments] = pathname.split("/").filter(Boolean);
  return section === "papers" ? (arxivIdFromSegments(segments)?.id ?? null) : null;
}

/**
 * A well-formed arXiv id we do not have is one step from being added: offer that step.
 * (not-found pages receive no params, so the id is read from the path they answer.)
 */
export default function NotFound() {
  const arxivId = missingPaperId(usePathname());
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-semibold">{arxivId ? `PaperPulse does not have ${arxivId} yet` : "Not found"}</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-300">
        {arxivId ? "If arXiv has it, we can fetch it now." : "We have no page here. The paper may not be in PaperPulse yet."}
      </p>
      <div className="mt-6 flex flex-wrap items-center justify-center gap-4">
        {arxivId && (
          <Link
            href={`/submit?${new URLSearchParams({ id: arxivId })}`}
            className="rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700"
          >
            Add it to PaperPulse
          </Link>
        )}
        <Link href="/" className="text-accent-700 underline dark:text-accent-300">
          Back to trending papers
        </Link>
      </div>
    </div>
  );
}
