import { Link } from "@/components/link";

const linkClass = "text-accent-700 underline dark:text-accent-300";

/** The 404 body. A well-formed arXiv id we do not have is one step from being added: offer that step. */
export function NotFoundMessage({ missingArxivId = null }: { missingArxivId?: string | null }) {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-semibold">{missingArxivId ? `PaperPulse does not have ${missingArxivId} yet` : "Not found"}</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-300">
        {missingArxivId ? "If arXiv has it, we can fetch it now." : "We have no page here. The paper may not be in PaperPulse yet."}
      </p>
      <p className="mt-6 flex flex-wrap items-center justify-center gap-x-6 gap-y-2">
        {missingArxivId && (
          <Link
            href={`/submit?${new URLSearchParams({ id: missingArxivId })}`}
            className="rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700"
          >
            Add it to PaperPulse
          </Link>
        )}
        <Link href="/" className={linkClass}>
          Back to trending papers
        </Link>
        <Link href="/search" className={linkClass}>
          Search papers
        </Link>
      </p>
    </div>
  );
}
