import pg from "pg";
import { afterAll, expect, it } from "vitest";

import { db } from "@/lib/db";

// Categories and words of this file's own, so the seed's papers do not count. 2026-07-06 is a Monday.
const WEEK = "2026-07-06";
const CATEGORIES = ["q-bio.TO", "q-bio.MN"] as const;
const WORDS = ["zqxcounterone", "zqxcountertwo"] as const;
const ids = ["2607.94001", "2607.94002", "2607.94003", "2607.94004"];

afterAll(async () => {
  await db.paper.deleteMany({ where: { arxivId: { in: ids } } });
});

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}

// The title is the word alone and there are no authors: the papers share no other counter.
const insertPaper = (client: pg.Client, arxivId: string, category: string, word: string) =>
  client.query(
    `INSERT INTO paper (arxiv_id, title, abstract, authors, listed_on, primary_category, categories, source)
     VALUES ($1, $2, 'An abstract.', '{}', $3, $4, ARRAY[$4], 'submitted')`,
    [arxivId, word, WEEK, category],
  );

async function counts() {
  const [weeks, words] = await Promise.all([
    db.$queryRaw<{ category: string; papers: number }[]>`
      SELECT category, papers FROM category_week WHERE category IN (${CATEGORIES[0]}, ${CATEGORIES[1]}) AND week = ${WEEK}::date
      ORDER BY category`,
    db.$queryRaw<{ word: string; papers: number }[]>`
      SELECT word, papers FROM search_word WHERE word IN (${WORDS[0]}, ${WORDS[1]}) ORDER BY word`,
  ]);
  return { weeks, words };
}

it("lets two transactions write papers of the same counters in opposite orders without a deadlock", async () => {
  const [a, b] = await Promise.all([connect(), connect()]);
  try {
    await a.query("BEGIN");
    await b.query("BEGIN");
    // Each transaction first writes one category's paper (and one title word), then the other's:
    // A in one order and B in the other, each second statement sent while the other is open.
    await insertPaper(a, ids[0]!, CATEGORIES[0], WORDS[0]);
    await insertPaper(b, ids[1]!, CATEGORIES[1], WORDS[1]);
    const seconds = Promise.allSettled([
      insertPaper(a, ids[2]!, CATEGORIES[1], WORDS[1]),
      insertPaper(b, ids[3]!, CATEGORIES[0], WORDS[0]),
    ]);
    expect((await seconds).map((outcome) => (outcome.status === "rejected" ? String(outcome.reason) : "ok"))).toEqual(["ok", "ok"]);
    await Promise.all([a.query("COMMIT"), b.query("COMMIT")]);
  } finally {
    await Promise.all([a.end(), b.end()]);
  }

  expect(await counts()).toEqual({
    weeks: [
      { category: CATEGORIES[1], papers: 2 },
      { category: CATEGORIES[0], papers: 2 },
    ],
    words: [
      { word: WORDS[0], papers: 2 },
      { word: WORDS[1], papers: 2 },
    ],
  });
});

it("counts words through the key, never the trigram index, whatever search_word's statistics", async () => {
  const [settings] = await db.$queryRaw<{ config: string[] | null }[]>`
    SELECT proconfig AS config FROM pg_proc WHERE proname = 'search_word_add'`;
  expect(settings?.config).toContain("enable_bitmapscan=off");
});
