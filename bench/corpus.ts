// A synthetic corpus shaped like the seed: 7–13-word titles, ~1,650-character abstracts, 1–15
// authors, three years of listing days, power-law upvotes. Words follow a Zipf-like law over the
// seed's own vocabulary, so there are words in nearly every paper and words in almost none.
import { readFile } from "node:fs/promises";
import path from "node:path";

import pg from "pg";

const seedFile = path.join(import.meta.dirname, "..", "prisma", "seed-papers.json");
const CHUNK = 10_000;
const CATEGORIES = ["cs.LG", "cs.CL", "cs.CV", "cs.AI", "stat.ML", "cs.RO", "cs.IR", "cs.CR", "math.OC", "cs.NE"];

type SeedRecord = { title: string; abstract: string; authors: string[] | null };

async function seedVocabulary() {
  const records = JSON.parse(await readFile(seedFile, "utf8")) as SeedRecord[];
  const counts = new Map<string, number>();
  for (const record of records) {
    for (const word of `${record.title} ${record.abstract}`.toLowerCase().match(/[a-z][a-z-]{1,}/g) ?? []) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const words = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
  const names = records.flatMap((record) => record.authors ?? []).map((name) => name.split(/\s+/));
  const firstNames = [...new Set(names.map((parts) => parts[0]!).filter(Boolean))];
  const lastNames = [...new Set(names.map((parts) => parts.at(-1)!).filter(Boolean))];
  return { words, firstNames, lastNames };
}

/** The number of synthetic papers already loaded (marked by their comment). */
export async function countSyntheticPapers(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM paper WHERE source = 'arxiv' AND comment = 'synthetic'`);
    return Number(rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * Adds synthetic papers until the database holds `count` of them, generating the rows inside
 * PostgreSQL (nothing crosses the wire but the vocabulary). Paper g is listed floor(g / perDay)
 * days before today, so the days fill evenly and a month's ids (YYMM.{g mod 100000}) are unique;
 * the few that collide with a seed paper's id are skipped.
 */
export async function loadSyntheticCorpus(
  databaseUrl: string,
  count: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<void> {
  const existing = await countSyntheticPapers(databaseUrl);
  if (existing >= count) return;
  const { words, firstNames, lastNames } = await seedVocabulary();
  const perDay = Math.max(1, Math.ceil(count / 1095));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let start = existing + 1; start <= count; start += CHUNK) {
      const end = Math.min(count, start + CHUNK - 1);
      await client.query(
        `
        WITH params AS (
          SELECT $1::text[] AS words, cardinality($1::text[]) AS n, ln(cardinality($1::text[]) + 1) AS ln_n,
                 $2::text[] AS firsts, $3::text[] AS lasts, $4::text[] AS cats
        ),
        g AS (
          SELECT g, current_date - (g / $7::int) AS day FROM generate_series($5::int, $6::int) AS g
        )
        INSERT INTO paper (arxiv_id, title, abstract, authors, published_on, listed_on, primary_category,
                           categories, upvote_count, external_upvotes, source, comment)
        SELECT
          to_char(day, 'YYMM') || '.' || lpad((g % 100000)::text, 5, '0'),
          initcap(array_to_string(ARRAY(
            SELECT words[least(n, floor(exp(random() * ln_n))::int)] FROM generate_series(1, 7 + (g::bigint * 7919) % 7)
          ), ' ')),
          array_to_string(ARRAY(
            SELECT words[least(n, floor(exp(random() * ln_n))::int)] FROM generate_series(1, 215 + (g * 31) % 50)
          ), ' ') || '.',
          ARRAY(
            SELECT firsts[1 + floor(random() * cardinality(firsts))::int] || ' ' || lasts[1 + floor(random() * cardinality(lasts))::int]
            FROM generate_series(1, 1 + (g * 13) % 15)
          ),
          day, day,
          cats[1 + g % cardinality(cats)],
          ARRAY[cats[1 + g % cardinality(cats)], cats[1 + (g / 7) % cardinality(cats)]],
          floor(power(random(), 14) * 400)::int,
          floor(power(random(), 10) * 250)::int,
          'arxiv', 'synthetic'
        FROM g, params
        ON CONFLICT (arxiv_id) DO NOTHING`,
        [words, firstNames, lastNames, CATEGORIES, start, end, perDay],
      );
      onProgress(end, count);
    }
    // The synthetic votes stand for votes from as many networks, as the trending score counts those.
    await client.query("UPDATE paper SET upvote_networks = upvote_count WHERE upvote_networks <> upvote_count");
    await client.query("ANALYZE paper");
  } finally {
    await client.end();
  }
}
