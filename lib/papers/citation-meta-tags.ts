import { arxivAbsUrl } from "./arxiv-id";
import { plainText } from "@/lib/text/plain-text";

import type { PaperDetails } from "./paper-details";

/**
 * The Highwire Press `citation_*` tags of a paper page (the convention Google Scholar documents
 * and reference managers read): every author in order, dates as YYYY/MM/DD, the arXiv id and PDF.
 */
export function citationMetaTags(paper: PaperDetails): Record<string, string | string[]> {
  const date = (paper.publishedOn ?? paper.listedOn).replaceAll("-", "/");
  return {
    citation_title: plainText(paper.title),
    ...(paper.authors.length > 0 && { citation_author: paper.authors }),
    citation_publication_date: date,
    citation_online_date: date,
    citation_arxiv_id: paper.arxivId,
    citation_pdf_url: paper.links.pdf,
    citation_abstract_html_url: arxivAbsUrl(paper.arxivId),
    ...(paper.doi && { citation_doi: paper.doi }),
    ...(paper.journalRef && { citation_journal_title: paper.journalRef }),
  };
}
