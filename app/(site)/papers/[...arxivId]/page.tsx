import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound, permanentRedirect, unstable_rethrow } from "next/navigation";

import { CategoryList } from "@/components/category-list";
import { Link } from "@/components/link";
import { PaperControls } from "@/components/paper-controls";
import { RichText } from "@/components/rich-text";
import { PaperDate } from "@/components/paper-date";
import { formatDay } from "@/lib/format";
import { loadPaperMarks } from "@/lib/library/paper-marks";
import { arxivIdFromSegments } from "@/lib/papers/arxiv-id-param";
import { paperBibtex } from "@/lib/papers/bibtex";
import { citationMetaTags } from "@/lib/papers/citation-meta-tags";
import { getPaper } from "@/lib/papers/get-paper";
import { authorHref } from "@/lib/papers/paper-links";
import { hasUpvoted } from "@/lib/papers/upvote-paper";
import { plainText } from "@/lib/text/plain-text";
import { githubRepoIn } from "@/lib/text/rich-text";
import { VOTED_COOKIE, VOTER_COOKIE, voterHashFromToken } from "@/lib/papers/voter-token";
import { CARD_SIZE, cardContent, cardPath } from "@/lib/social-card/card-content";
import { getCurrentReader } from "@/lib/readers/current-reader";
import { getSimilarPapers } from "@/lib/similarity/get-similar-papers";
import { readerVoterHash } from "@/lib/readers/reader-voter";

import { CitePaper } from "./_components/cite-paper";
import { SimilarPapers } from "./_components/similar-papers";
import { UpvoteButton } from "./_components/upvote-button";

type PageProps = { params: Promise<{ arxivId: string[] }> };

async function loadPaper(params: PageProps["params"]) {
  const arxivId = arxivIdFromSegments((await params).arxivId);
  if (arxivId && !arxivId.canonical) permanentRedirect(`/papers/${arxivId.id}`);
  const paper = arxivId ? await getPaper(arxivId.id) : null;
  if (!paper) notFound();
  return paper;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  let paper;
  try {
    paper = await loadPaper(params);
  } catch (error) {
    unstable_rethrow(error); // not found and redirects go on as usual
    // The page meets the same failure and shows the site's error page; thrown here, outside the
    // error boundary, it would be a bare 500.
    return { title: "Paper" };
  }
  const abstract = plainText(paper.abstract).replace(/\s+/g, " ");
  const description = abstract.length > 200 ? `${abstract.slice(0, 197).trimEnd()}…` : abstract;
  const title = plainText(paper.title);
  const card = { url: cardPath(cardContent(paper)), ...CARD_SIZE, alt: title };
  return {
    title,
    description,
    alternates: { canonical: `/papers/${paper.arxivId}` },
    openGraph: {
      type: "article",
      url: `/papers/${paper.arxivId}`,
      title,
      description,
      authors: paper.authors.slice(0, 10),
      images: [card],
    },
    twitter: { card: "summary_large_image", title, description, images: [card] },
    // Highwire Press tags, which Zotero, Mendeley and Google Scholar read to save a paper in one click.
    other: citationMetaTags(paper),
  };
}

export default async function PaperPage({ params }: PageProps) {
  const paper = await loadPaper(params);
  const reader = await getCurrentReader();
  const jar = await cookies();
  const voterHash = reader ? readerVoterHash(reader.readerId) : voterHashFromToken(jar.get(VOTER_COOKIE)?.value);
  const [upvoted, marks, similar] = await Promise.all([
    hasUpvoted(paper.id, voterHash),
    loadPaperMarks([paper.id]),
    getSimilarPapers(paper.id),
  ]);
  // Hugging Face's code link when known, else a GitHub repository the abstract names.
  const codeUrl = paper.githubRepo ?? githubRepoIn(paper.abstract);
  const linkClass =
    "inline-flex items-center rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800";

  return (
    <article className="space-y-6">
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-3 text-sm text-stone-500 dark:text-stone-400">
          <span className="font-mono">
            arXiv:{paper.arxivId}
            {paper.version ? `v${paper.version}` : ""}
          </span>
          <PaperDate publishedOn={paper.publishedOn} listedOn={paper.listedOn} />
          <CategoryList primary={paper.primaryCategory} categories={paper.categories} />
        </div>
        <h1 className="font-serif text-2xl leading-tight font-semibold tracking-tight break-words sm:text-3xl">
          <RichText text={paper.title} />
        </h1>
        {paper.authors.length > 0 ? (
          <ul aria-label="Authors" className="flex flex-wrap gap-x-1 text-stone-700 dark:text-stone-300">
            {paper.authors.map((author, index) => (
              <li key={`${index}-${author}`}>
                <Link href={authorHref(author)} className="hover:text-stone-900 hover:underline dark:hover:text-white">
                  {author}
                </Link>
                {index < paper.authors.length - 1 && ","}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-stone-500 dark:text-stone-400">Authors not listed</p>
        )}
      </header>

      <div className="flex flex-wrap items-center gap-3">
        <UpvoteButton
          arxivId={paper.arxivId}
          upvoted={upvoted}
          upvotes={paper.upvotes}
          personal={reader !== null || jar.has(VOTED_COOKIE)}
        />
        <PaperControls arxivId={paper.arxivId} title={paper.title} mark={marks.of(paper.id)} />
        <a className={linkClass} href={paper.links.abs}>
          arXiv page
        </a>
        <a className={linkClass} href={paper.links.pdf}>
          PDF
        </a>
        {codeUrl && (
          <a className={linkClass} href={codeUrl}>
            Code{paper.githubStars !== null && ` · ★ ${paper.githubStars.toLocaleString("en-US")}`}
          </a>
        )}
      </div>
      <CitePaper arxivId={paper.arxivId} bibtex={paperBibtex(paper)} />

      <section
        aria-labelledby="abstract-heading"
        className="rounded-lg border border-stone-200 bg-white p-4 sm:p-6 dark:border-stone-800 dark:bg-stone-900"
      >
        <h2 id="abstract-heading" className="mb-3 text-sm font-semibold tracking-wide text-stone-500 uppercase dark:text-stone-400">
          Abstract
        </h2>
        <div className="space-y-3 leading-relaxed break-words [&_a]:text-accent-700 [&_a]:underline dark:[&_a]:text-accent-300">
          {paper.abstract.split(/\n\s*\n/).map((paragraph, index) => (
            <p key={index}>
              <RichText text={paragraph} links />
            </p>
          ))}
        </div>
      </section>

      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-stone-500 dark:text-stone-400">First version</dt>
        <dd>{paper.publishedOn ? formatDay(paper.publishedOn) : "Not known"}</dd>
        {paper.revisedOn && (
          <>
            <dt className="text-stone-500 dark:text-stone-400">Latest version</dt>
            <dd>{formatDay(paper.revisedOn)}</dd>
          </>
        )}
        {paper.journalRef && (
          <>
            <dt className="text-stone-500 dark:text-stone-400">Journal</dt>
            <dd>{paper.journalRef}</dd>
          </>
        )}
        {paper.doi && (
          <>
            <dt className="text-stone-500 dark:text-stone-400">DOI</dt>
            <dd>
              <a className="underline" href={`https://doi.org/${paper.doi}`}>
                {paper.doi}
              </a>
            </dd>
          </>
        )}
        {paper.comment && (
          <>
            <dt className="text-stone-500 dark:text-stone-400">Comment</dt>
            <dd>{paper.comment}</dd>
          </>
        )}
        <dt className="text-stone-500 dark:text-stone-400">Added to PaperPulse</dt>
        <dd>{formatDay(paper.addedAt.slice(0, 10))}</dd>
      </dl>

      <SimilarPapers papers={similar} />
    </article>
  );
}
