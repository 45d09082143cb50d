import { z } from "zod";

import { env } from "@/lib/env";
import { renderSitemap } from "@/lib/feeds/render-sitemap";
import { AppError } from "@/lib/http/app-error";
import { CACHE_POLICIES, cacheableResponse } from "@/lib/http/cacheable-response";
import { jsonRoute } from "@/lib/http/json-route";
import { countSitemapPages, listSitemapPapers } from "@/lib/papers/list-sitemap-papers";

const fileSchema = z.string().regex(/^\d{1,6}\.xml$/, "a sitemap is named like 0.xml");

export const GET = jsonRoute<{ params: Promise<{ file: string }> }>(async (request, { params }) => {
  const page = Number.parseInt(fileSchema.parse((await params).file), 10);
  if (page >= (await countSitemapPages())) throw new AppError("not_found", "No such sitemap.");
  const papers = await listSitemapPapers(page);
  const urls = [
    ...(page === 0 ? [{ loc: `${env.APP_URL}/` }] : []),
    ...papers.map((paper) => ({ loc: `${env.APP_URL}/papers/${paper.arxivId}`, lastModified: paper.updatedAt })),
  ];
  return cacheableResponse(request, renderSitemap(urls), "application/xml; charset=utf-8", CACHE_POLICIES.sitemap);
});
