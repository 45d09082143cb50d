import { z } from "zod";

export const LIBRARY_SORTS = ["saved", "published", "title"] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

export const tagNameSchema = z
  .string()
  .trim()
  .min(1, "A tag needs at least one character.")
  .max(40, "A tag has at most 40 characters.")
  .refine((name) => !/[,\u0000-\u001f]/.test(name), "A tag cannot hold commas or control characters.");

/** What a library page or `GET /api/library` asks for; every field optional. */
export const libraryQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(200, "Search at most 200 characters.")
    .optional()
    .transform((value) => value || undefined),
  tag: tagNameSchema.optional().or(z.literal("").transform(() => undefined)),
  sort: z.enum(LIBRARY_SORTS, { error: "sort must be saved, published or title" }).default("saved"),
  cursor: z.string().max(3_000).optional(),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int()
    .min(1, "limit must be at least 1")
    .max(100, "limit must be at most 100")
    .default(25),
});

export type LibraryQuery = z.infer<typeof libraryQuerySchema>;

/** "ml, to read , ml" → ["ml", "to read"]: tags typed into one field, deduplicated ignoring case. */
export function splitTags(value: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of value.split(",")) {
    const name = part.trim();
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      tags.push(name);
    }
  }
  return tags;
}
