import { Link } from "@/components/link";
import { PaperDate } from "@/components/paper-date";
import { shortenAuthors } from "@/lib/format";
import type { SimilarPaper } from "@/lib/similarity/get-similar-papers";

function SimilarPaperList({ papers }: { papers: SimilarPaper[] }) {
  if (papers.length === 0) return <p className="text-sm text-stone-600 dark:text-stone-400">No similar papers yet.</p>;
  return (
    <ul className="divide-y divide-stone-200 dark:divide-stone-800">
      {papers.map((paper) => (
        <li key={paper.id} className="py-3">
          <Link href={`/papers/${paper.arxivId}`} className="font-serif leading-snug font-semibold hover:underline">
            {paper.title}
          </Link>
          <p className="mt-0.5 text-sm text-stone-600 dark:text-stone-400">
            {shortenAuthors(paper.authors, paper.authorCount)} · <PaperDate publishedOn={paper.publishedOn} listedOn={paper.listedOn} />
          </p>
          {paper.sharedTerms.length > 0 && (
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
              <span className="sr-only">Why similar: </span>
              <span aria-hidden="true">Shares </span>
              <span className="inline-flex flex-wrap gap-1 align-middle">
                {paper.sharedTerms.map((term) => (
                  <span
                    key={term}
                    className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700 dark:bg-stone-800 dark:text-stone-300"
                  >
                    {term}
                  </span>
                ))}
              </span>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * Papers closest in content, computed when papers arrive, with the terms they share. The page
 * reads them by key with its other queries and renders them in its one response: a streamed
 * section would stay hidden without JavaScript.
 */
export function SimilarPapers({ papers }: { papers: SimilarPaper[] }) {
  return (
    <section aria-labelledby="similar-heading">
      <h2 id="similar-heading" className="mb-2 text-sm font-semibold tracking-wide text-stone-500 uppercase dark:text-stone-400">
        Similar papers
      </h2>
      <SimilarPaperList papers={papers} />
    </section>
  );
}
