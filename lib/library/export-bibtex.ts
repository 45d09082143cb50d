import "server-only";

import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

import { toBibtex, type BibtexPaper } from "./to-bibtex";

/** The whole library, or the papers carrying one tag, as BibTeX, newest saved first. */
export async function exportBibtex(readerId: number, tag?: string): Promise<string> {
  const inTag = tag
    ? Prisma.sql`AND EXISTS (
        SELECT 1 FROM library_item_tag it JOIN library_tag t ON t.id = it.tag_id
        WHERE it.reader_id = ${readerId} AND it.paper_id = li.paper_id AND lower(t.name) = lower(${tag}))`
    : Prisma.empty;
  const papers = await db.$queryRaw<BibtexPaper[]>`
    SELECT p.arxiv_id AS "arxivId", p.version, p.title, p.authors, p.primary_category AS "primaryCategory",
           to_char(coalesce(p.published_on, p.listed_on), 'YYYY-MM-DD') AS "publishedOn"
    FROM library_item li JOIN paper p ON p.id = li.paper_id
    WHERE li.reader_id = ${readerId} ${inTag}
    ORDER BY li.saved_at DESC, p.id DESC`;
  return toBibtex(papers);
}
