import "server-only";

import type { CardHighlights, CardView } from "@/components/paper-card";
import { richTextHtml } from "@/lib/text/rich-text";

import type { PaperCard } from "./paper-card";

/** A card's data as the client card takes it: the title and abstract as safe HTML, the rest as it is. */
export function cardView(paper: PaperCard, highlights?: CardHighlights): CardView {
  return {
    arxivId: paper.arxivId,
    titleHtml: highlights?.title ?? richTextHtml(paper.title),
    abstractHtml: highlights?.abstract ?? richTextHtml(paper.abstractPreview),
    highlighted: highlights !== undefined,
    authors: paper.authors,
    authorCount: paper.authorCount,
    publishedOn: paper.publishedOn,
    listedOn: paper.listedOn,
    primaryCategory: paper.primaryCategory,
    categories: paper.categories,
    upvotes: paper.upvotes,
  };
}
