import { db } from "@/lib/db";
import { monthOfArxivId } from "@/lib/papers/arxiv-id";
import { readSeedPapers } from "@/prisma/seed";

/** Puts a seed paper back as the seed wrote it, for tests that let a source update one. */
export async function restoreSeedPaper(arxivId: string): Promise<void> {
  const paper = (await readSeedPapers()).find((candidate) => candidate.arxivId === arxivId);
  if (!paper) throw new Error(`${arxivId} is not a seed paper`);
  await db.paper.update({
    where: { arxivId },
    data: {
      version: null,
      title: paper.title,
      abstract: paper.abstract,
      authors: paper.authors,
      publishedOn: paper.publishedOn ? new Date(paper.publishedOn) : null,
      revisedOn: null,
      listedOn: new Date((paper.publishedOn ?? monthOfArxivId(arxivId))!),
      primaryCategory: paper.primaryCategory,
      categories: paper.categories,
      doi: null,
      comment: null,
      journalRef: null,
    },
  });
}
