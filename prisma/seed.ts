import { readFile } from "node:fs/promises";
import path from "node:path";

import { z } from "zod";

import { db } from "@/lib/db";
import { paperInputSchema, type PaperInput } from "@/lib/ingest/paper-input";
import { upsertPapers, type UpsertCounts } from "@/lib/ingest/upsert-papers";
import { refreshSimilarPapers } from "@/lib/similarity/refresh-similar-papers";

const seedFile = path.join(import.meta.dirname, "seed-papers.json");

const seedRecordSchema = z.object({
  arxivId: z.string(),
  title: z.string(),
  abstract: z.string(),
  authors: z.array(z.string()).nullable(),
  published: z.iso.date().nullable(),
  primaryCategory: z.string().nullable(),
});

export async function readSeedPapers(): Promise<PaperInput[]> {
  const records = z.array(seedRecordSchema).parse(JSON.parse(await readFile(seedFile, "utf8")));
  return records.map((record) =>
    paperInputSchema.parse({
      arxivId: record.arxivId,
      title: record.title.replace(/\s+/g, " "),
      abstract: record.abstract,
      authors: record.authors ?? [],
      publishedOn: record.published,
      primaryCategory: record.primaryCategory,
      categories: record.primaryCategory ? [record.primaryCategory] : [],
      source: "seed",
    }),
  );
}

/**
 * Loads the shipped papers and computes their similar papers; safe to run on every start. A fresh
 * database is analysed at once: search weighs a query's words by the search vector's statistics,
 * which autovacuum would only gather a minute later.
 */
export async function seed(): Promise<UpsertCounts> {
  const counts = await upsertPapers(await readSeedPapers());
  if (counts.inserted > 0) await db.$executeRaw`ANALYZE paper`;
  await refreshSimilarPapers();
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const counts = await seed();
  console.log(`Seed: ${counts.inserted} new, ${counts.updated} updated, ${counts.unchanged} unchanged.`);
  process.exit(0);
}
