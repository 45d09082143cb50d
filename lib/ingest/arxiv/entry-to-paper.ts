import { z } from "zod";

import { paperInputSchema, type PaperInput } from "@/lib/ingest/paper-input";
import { parseArxivId } from "@/lib/papers/arxiv-id";

import { latexToText, normalizeAbstract, normalizeLine } from "../normalize-text";
import type { RawEntry } from "./parse-atom-feed";

const timestamp = z.iso.datetime({ offset: true });

const entrySchema = z.object({
  id: z.string({ error: "has no <id>" }).transform((value, context) => {
    const parsed = parseArxivId(value.trim());
    if (!parsed) {
      context.addIssue({ code: "custom", message: `has an <id> that is not an arXiv id: ${value.trim()}` });
      return z.NEVER;
    }
    return parsed;
  }),
  title: z.string({ error: "has no <title>" }),
  summary: z.string().default(""),
  published: timestamp.optional(),
  updated: timestamp.optional(),
  authors: z.array(z.string()),
  categories: z.array(z.string()),
  primaryCategory: z.string().optional(),
  doi: z.string().optional(),
  comment: z.string().optional(),
  journalRef: z.string().optional(),
});

const day = (isoTimestamp: string | undefined) => (isoTimestamp ? new Date(isoTimestamp).toISOString().slice(0, 10) : null);
const orNull = (text: string | undefined) => (text && normalizeLine(text)) || null;

export type EntryResult = { ok: true; paper: PaperInput } | { ok: false; id: string | null; reason: string };

/** One feed entry as a paper, or the reason it cannot be one (named by its id when it has one). */
export function entryToPaper(raw: RawEntry, source: PaperInput["source"]): EntryResult {
  const entry = entrySchema.safeParse(raw);
  const rawId = raw.id ? (parseArxivId(raw.id.trim())?.id ?? raw.id.trim()) : null;
  if (!entry.success) return { ok: false, id: rawId, reason: `entry ${entry.error.issues.map((issue) => issue.message).join("; ")}` };
  const { id, version } = entry.data.id;
  const categories = [...new Set(entry.data.categories.map((category) => category.trim()).filter(Boolean))];
  const primaryCategory = entry.data.primaryCategory?.trim() || categories[0] || null;
  const paper = paperInputSchema.safeParse({
    arxivId: id,
    version,
    title: latexToText(entry.data.title),
    abstract: normalizeAbstract(entry.data.summary),
    authors: entry.data.authors.map(latexToText).filter(Boolean),
    publishedOn: day(entry.data.published),
    // A later version's date; v1's "updated" is its publication (or a metadata touch-up).
    revisedOn: version !== null && version > 1 ? day(entry.data.updated) : null,
    primaryCategory,
    categories: primaryCategory && !categories.includes(primaryCategory) ? [primaryCategory, ...categories] : categories,
    // arXiv lists every DOI a paper has, separated by spaces; the first is the paper's own.
    doi: orNull(entry.data.doi?.trim().split(/\s+/)[0]),
    comment: orNull(entry.data.comment),
    journalRef: orNull(entry.data.journalRef),
    source,
  });
  if (!paper.success) {
    const problems = paper.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ");
    return { ok: false, id, reason: `entry ${id} cannot be stored: ${problems}` };
  }
  return { ok: true, paper: paper.data };
}
