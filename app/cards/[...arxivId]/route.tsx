import { AppError } from "@/lib/http/app-error";
import { jsonRoute } from "@/lib/http/json-route";
import { arxivIdFromSegments } from "@/lib/papers/arxiv-id-param";
import { getPaper } from "@/lib/papers/get-paper";
import { cardContent, cardVersion } from "@/lib/social-card/card-content";
import { renderCard } from "@/lib/social-card/render-card";

// Paper pages link the card with its content's version (cardPath), which may be kept for a year;
// any other URL gets today's card for an hour, so an old link still shows something current.
const VERSIONED = "public, max-age=31536000, immutable";
const UNVERSIONED = "public, max-age=3600";

/** `/cards/2411.15124?v=…`: the paper's 1200×630 social card (og:image) as a PNG. */
export const GET = jsonRoute<{ params: Promise<{ arxivId: string[] }> }>(async (request, { params }) => {
  const arxivId = arxivIdFromSegments((await params).arxivId);
  if (!arxivId) throw new AppError("bad_request", "That is not an arXiv id (expected e.g. 2403.15706).");
  const paper = await getPaper(arxivId.id);
  if (!paper) throw new AppError("not_found", `No paper ${arxivId.id} in PaperPulse.`);
  const content = cardContent(paper);
  const versioned = new URL(request.url).searchParams.get("v") === cardVersion(content);
  return renderCard(
    { title: content.title, byline: content.authors, footer: `${content.date}  ·  arXiv:${content.arxivId}` },
    versioned ? VERSIONED : UNVERSIONED,
  );
});
