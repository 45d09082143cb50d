import { AppError } from "@/lib/http/app-error";
import { CACHE_POLICIES, cacheableJson } from "@/lib/http/cacheable-response";
import { jsonRoute } from "@/lib/http/json-route";
import { arxivIdFromSegments } from "@/lib/papers/arxiv-id-param";
import { getPaper } from "@/lib/papers/get-paper";
import { getSimilarPapers } from "@/lib/similarity/get-similar-papers";
import { plainText } from "@/lib/text/plain-text";

export const GET = jsonRoute<{ params: Promise<{ arxivId: string[] }> }>(async (request, { params }) => {
  const arxivId = arxivIdFromSegments((await params).arxivId);
  if (!arxivId) throw new AppError("bad_request", "That is not an arXiv id (expected e.g. 2403.15706).");
  const paper = await getPaper(arxivId.id);
  if (!paper) throw new AppError("not_found", `No paper ${arxivId.id} in PaperPulse.`);
  const similar = await getSimilarPapers(paper.id);
  // API clients get readable text: TeX math and markup as Unicode.
  const body = {
    paper: { ...paper, title: plainText(paper.title), abstract: plainText(paper.abstract) },
    similar: similar.map((card) => ({ ...card, title: plainText(card.title) })),
  };
  return cacheableJson(request, body, CACHE_POLICIES.paper);
});
