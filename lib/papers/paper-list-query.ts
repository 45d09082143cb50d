import { z } from "zod";

import { cursorParam, limitParam } from "@/lib/http/page-params";

import { FEED_MAX_PAGE_SIZE, FEED_PAGE_SIZE } from "./feed-query";

/** An author page's query string: newest first or most upvoted, a page at a time. */
export const authorPageQuerySchema = z.object({
  sort: z.enum(["newest", "upvotes"], { error: "sort must be newest or upvotes" }).default("newest"),
  cursor: cursorParam,
  limit: limitParam(FEED_PAGE_SIZE, FEED_MAX_PAGE_SIZE),
});

/** A category page's query string: its trending papers, a page at a time. */
export const categoryPageQuerySchema = authorPageQuerySchema.pick({ cursor: true, limit: true });

/** An author's name from the URL segment (still percent-encoded), as papers list it; null when it cannot be one. */
export function authorFromParam(param: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(param);
  } catch {
    return null;
  }
  const name = decoded.replace(/\s+/g, " ").trim();
  return name.length >= 1 && name.length <= 200 ? name : null;
}
