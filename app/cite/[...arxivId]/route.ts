import { AppError } from "@/lib/http/app-error";
import { jsonRoute } from "@/lib/http/json-route";
import { arxivIdFromSegments } from "@/lib/papers/arxiv-id-param";
import { paperBibtex } from "@/lib/papers/bibtex";
import { getPaper } from "@/lib/papers/get-paper";

/** `/cite/2411.15124`: the paper's BibTeX as a file to save (`2411.15124.bib`). */
export const GET = jsonRoute<{ params: Promise<{ arxivId: string[] }> }>(async (_request, { params }) => {
  const arxivId = arxivIdFromSegments((await params).arxivId);
  if (!arxivId) throw new AppError("bad_request", "That is not an arXiv id (expected e.g. 2403.15706).");
  const paper = await getPaper(arxivId.id);
  if (!paper) throw new AppError("not_found", `No paper ${arxivId.id} in PaperPulse.`);
  return new Response(paperBibtex(paper), {
    headers: {
      "Content-Type": "application/x-bibtex; charset=utf-8",
      "Content-Disposition": `attachment; filename="${paper.arxivId.replace("/", "_")}.bib"`,
      "Cache-Control": "public, max-age=3600",
    },
  });
});
