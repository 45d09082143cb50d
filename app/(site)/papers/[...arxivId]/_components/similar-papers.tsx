import Link from "next/link";
import { Suspense } from "react";

import { PaperDate } from "@/components/paper-date";
import { shortenAuthors } from "@/lib/format";
import { findSimilarPapers } from "@/lib/search/find-similar-papers";

async function SimilarPaperList({ paperId }: { paperId: number }) {
  const papers = await findSimilarPapers(paperId);
  if (papers.length === 0) return <p className="text-sm text-stone-600 dark:text-stone-400">No similar papers yet.</p>;
  return (
    <ul className="divide-y divide-stone-200 dark:divide-stone-800">
      {papers.map((paper) => (
        <li key={paper.id} className="py-3">
          <Link href={`/papers/${paper.arxivId}`} className="font-serif font-semibold leading-snug hover:underline">
            {paper.title}
          </Link>
          <p className="mt-0.5 text-sm text-stone-600 dark:text-stone-400">
            {shortenAuthors(paper.authors, paper.authorCount)} · <PaperDate publishedOn={paper.publishedOn} listedOn={paper.listedOn} />
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Papers closest in content; streamed in after the paper itself. */
export function SimilarPapers({ paperId }: { paperId: number }) {
  return (
    <section aria-labelledby="similar-heading">
      <h2 id="similar-heading" className="mb-2 text-sm font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">
        Similar papers
      </h2>
      <Suspense fallback={<p className="text-sm text-stone-500 dark:text-stone-400">Finding similar papers…</p>}>
        <SimilarPaperList paperId={paperId} />
      </Suspense>
    </section>
  );
}
