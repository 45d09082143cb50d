import pg from "pg";
import { afterAll, expect, it } from "vitest";

import { db } from "@/lib/db";
import { upsertPapers } from "@/lib/ingest/upsert-papers";
import { weeklyCounts } from "@/lib/trends/weekly-counts";

import { paperInput } from "../support/paper-input";

// A category of our own, so the seed's papers do not count. 2026-06-15 is a Monday.
const CATEGORY = "q-bio.SC";
const ids = ["2606.93001", "2606.93002", "2606.93003", "2606.93004"];

/** The weeks as the chart gets them, next to the same weeks counted from the papers. */
async function chartAndPapers() {
  const trend = await weeklyCounts({ category: CATEGORY }, "2026-06-30");
  const counted = await db.$queryRaw<{ week: string; papers: number }[]>`
    SELECT to_char(date_trunc('week', listed_on), 'YYYY-MM-DD') AS week, count(*)::int AS papers
    FROM paper WHERE categories @> ARRAY[${CATEGORY}]::text[] AND listed_on > '2025-07-01' AND listed_on <= '2026-06-30'
    GROUP BY 1 ORDER BY 1`;
  return { chart: trend?.weeks ?? [], counted };
}

afterAll(async () => {
  await db.paper.deleteMany({ where: { arxivId: { in: ids } } });
});

it("keeps a category's papers per week as papers are added, moved, recategorised and deleted", async () => {
  await upsertPapers([
    paperInput(ids[0]!, { publishedOn: "2026-06-15", primaryCategory: CATEGORY, categories: [CATEGORY, "cs.LG"], source: "arxiv" }),
    paperInput(ids[1]!, { publishedOn: "2026-06-21", primaryCategory: CATEGORY, categories: [CATEGORY], source: "arxiv" }),
    paperInput(ids[2]!, { publishedOn: "2026-06-22", primaryCategory: "cs.LG", categories: ["cs.LG", CATEGORY], source: "arxiv" }),
    paperInput(ids[3]!, { publishedOn: "2026-06-22", primaryCategory: "cs.LG", categories: ["cs.LG"], source: "arxiv" }),
  ]);
  let { chart, counted } = await chartAndPapers();
  expect(chart).toEqual([
    { week: "2026-06-15", papers: 2 },
    { week: "2026-06-22", papers: 1 },
  ]);
  expect(chart).toEqual(counted);

  // A paper moves to another week, one joins the category, one leaves it, one is deleted.
  await db.$executeRaw`UPDATE paper SET listed_on = '2026-06-29' WHERE arxiv_id = ${ids[0]}`;
  await db.$executeRaw`UPDATE paper SET categories = ARRAY['cs.LG', ${CATEGORY}] WHERE arxiv_id = ${ids[3]}`;
  await db.$executeRaw`UPDATE paper SET categories = ARRAY['cs.LG'] WHERE arxiv_id = ${ids[2]}`;
  await db.paper.deleteMany({ where: { arxivId: ids[1] } });
  ({ chart, counted } = await chartAndPapers());
  expect(chart).toEqual([
    { week: "2026-06-22", papers: 1 },
    { week: "2026-06-29", papers: 1 },
  ]);
  expect(chart).toEqual(counted);
});

it("forgets the weeks of truncated papers, including those its own transaction added before", async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    // Rolled back at the end, so the seed stays; the counts are applied early to be read inside.
    await client.query("BEGIN");
    const insert = (arxivId: string) =>
      client.query(
        `INSERT INTO paper (arxiv_id, title, abstract, authors, listed_on, primary_category, categories, source)
         VALUES ($1, 'A paper', 'An abstract.', '{}', '2026-06-15', $2, ARRAY[$2], 'submitted')`,
        [arxivId, CATEGORY],
      );
    await insert("2606.93005");
    await client.query("TRUNCATE paper CASCADE");
    await insert("2606.93006");
    await client.query("SET CONSTRAINTS ALL IMMEDIATE");
    const { rows } = await client.query("SELECT category, to_char(week, 'YYYY-MM-DD') AS week, papers FROM category_week");
    expect(rows).toEqual([{ category: CATEGORY, week: "2026-06-15", papers: 1 }]);
  } finally {
    await client.query("ROLLBACK");
    await client.end();
  }
});
