// Feed: p50/p95 of GET /api/papers next to the very same SQL sent straight to PostgreSQL.
import pg from "pg";

import { encodeCursor } from "../lib/papers/feed-cursor";
import { addDays, todayUtc, type Period } from "../lib/papers/feed-period";
import type { PaperCard } from "../lib/papers/paper-card";
import { trendingQuery } from "../lib/papers/trending-query";
import { weeklyCountsQuery } from "../lib/trends/weekly-counts-query";
import { mondayOf } from "../lib/trends/weekly-bars";
import { fetchJson, foldedPlans, measure, ms, ratio } from "./measure";

type Scenario = { name: string; period: Period; date: string; depth: number };

export async function benchFeed(ctx: { databaseUrl: string; baseUrl: string }): Promise<string> {
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  const today = todayUtc();
  const scenarios: Scenario[] = [
    { name: "today", period: "day", date: today, depth: 1 },
    { name: "this week", period: "week", date: today, depth: 1 },
    { name: "this month", period: "month", date: today, depth: 1 },
    { name: "a month a year ago", period: "month", date: addDays(today, -400), depth: 1 },
    { name: "all time", period: "all", date: today, depth: 1 },
    { name: "this month, page 50", period: "month", date: today, depth: 50 },
    { name: "all time, page 50", period: "all", date: today, depth: 50 },
  ];
  const rows: string[] = [];
  const pages: string[] = [];
  const plans: string[] = [];
  try {
    // The floor every API call pays: HTTP, Next.js routing, Prisma and one round trip.
    const floor = await measure(() => fetchJson(`${ctx.baseUrl}/api/health`));
    const floorSql = await measure(() => client.query("SELECT 1"));
    rows.push(
      `| floor: /api/health (SELECT 1) | ${ms(floor.p50)} | ${ms(floor.p95)} | ${ms(floorSql.p50)} | ${ms(floorSql.p95)} | ${ratio(floor.p50, floorSql.p50)} | ${ratio(floor.p95, floorSql.p95)} |`,
    );
    for (const scenario of scenarios) {
      // Walk to the page by its cursors, as a reader would.
      let cursor: { key: number; id: number } | undefined;
      for (let page = 1; page < scenario.depth; page++) {
        const { rows: result } = await client.query<PaperCard>(sqlOf(scenario, cursor));
        const last = result[19];
        if (!last) break;
        cursor = { key: scenario.period === "all" ? last.upvotes : last.trendingScore, id: last.id };
      }
      const query = sqlOf(scenario, cursor);
      const url = `${ctx.baseUrl}/api/papers?period=${scenario.period}&date=${scenario.date}&limit=20${cursor ? `&cursor=${encodeCursor(cursor)}` : ""}`;
      const api = await measure(() => fetchJson(url));
      const sql = await measure(() => client.query(query));
      rows.push(
        `| ${scenario.name} | ${ms(api.p50)} | ${ms(api.p95)} | ${ms(sql.p50)} | ${ms(sql.p95)} | ${ratio(api.p50, sql.p50)} | ${ratio(api.p95, sql.p95)} |`,
      );
      const { rows: plan } = await client.query<{ "QUERY PLAN": string }>({
        text: `EXPLAIN (ANALYZE, BUFFERS) ${query.text}`,
        values: query.values,
      });
      plans.push(`${scenario.name}:\n${plan.map((line) => `    ${line["QUERY PLAN"]}`).join("\n")}`);
    }
    pages.push(...(await benchPages(client, ctx.baseUrl, plans)));
  } finally {
    await client.end();
  }
  return [
    "## Feed",
    "",
    "`GET /api/papers` through `next start` (HTTP, Next.js, Prisma, JSON) next to the same SQL sent with `pg`; 100 runs each after 10 warm-up runs.",
    "",
    "| page | API p50 | API p95 | SQL p50 | SQL p95 | p50 ratio | p95 ratio |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "Whole pages as an anonymous visitor gets them: rendered for the request (a cookie the page cache",
    "does not serve, as for a signed-in reader) and served from the page cache, with the HTML's size.",
    "",
    "| page | rendered p50 | rendered p95 | cached p50 | cached p95 | HTML |",
    "|---|---|---|---|---|---|",
    ...pages,
    "",
    ...foldedPlans("EXPLAIN ANALYZE", plans),
  ].join("\n");
}

/**
 * Whole pages through `next start`: the front page, a paper, the hottest paper's first author
 * newest first and by upvotes, the largest category and one with no papers (the case where walking
 * the trending index would read every paper). Each is timed rendered per request (any cookie but
 * the voter's keeps the page cache out of it) and as the cache serves it, and its trend chart's
 * query is explained.
 */
async function benchPages(client: pg.Client, baseUrl: string, plans: string[]): Promise<string[]> {
  const today = todayUtc();
  const { rows } = await client.query<{ arxiv_id: string; author: string; category: string }>(
    "SELECT arxiv_id, authors[1] AS author, primary_category AS category FROM paper WHERE cardinality(authors) > 0 AND primary_category IS NOT NULL ORDER BY trending_score DESC LIMIT 1",
  );
  const sample = rows[0];
  if (!sample) return [];
  const author = `/authors/${encodeURIComponent(sample.author)}`;
  const pages = [
    "/",
    `/papers/${sample.arxiv_id}`,
    author,
    `${author}?sort=upvotes`,
    `/categories/${sample.category}`,
    "/categories/q-fin.TR",
  ];
  const results: string[] = [];
  for (const path of pages) {
    let bytes = 0;
    const fetchPage = (headers: Record<string, string>) => async () => {
      const response = await fetch(`${baseUrl}${path}`, { headers });
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      bytes = (await response.arrayBuffer()).byteLength;
    };
    const rendered = await measure(fetchPage({ cookie: "bench=rendered" }));
    const cached = await measure(fetchPage({}));
    results.push(
      `| ${path} | ${ms(rendered.p50)} | ${ms(rendered.p95)} | ${ms(cached.p50)} | ${ms(cached.p95)} | ${(bytes / 1024).toFixed(0)} KB |`,
    );
  }
  for (const [label, filter] of [
    [`trend of ${sample.author}`, { author: sample.author }],
    [`trend of ${sample.category}`, { category: sample.category }],
  ] as const) {
    const query = weeklyCountsQuery(filter, mondayOf(today));
    const { rows: plan } = await client.query<{ "QUERY PLAN": string }>({
      text: `EXPLAIN (ANALYZE, BUFFERS) ${query.text}`,
      values: query.values,
    });
    plans.push(`${label}:\n${plan.map((line) => `    ${line["QUERY PLAN"]}`).join("\n")}`);
  }
  return results;
}

function sqlOf(scenario: Scenario, cursor?: { key: number; id: number }) {
  const sql = trendingQuery({ period: scenario.period, date: scenario.date, cursor, limit: 20 });
  return { text: sql.text, values: sql.values as unknown[] };
}
