// Search: p50/p95 of GET /api/search next to the very same statements sent straight to PostgreSQL,
// for a mix of common-word, rare-word, phrase and author queries, with the plans that explain them.
import pg from "pg";

import { DATABASE_SESSION_OPTIONS } from "../lib/db-session";
import type { Prisma } from "../lib/generated/prisma/client";
import type { RunSql } from "../lib/search/search-papers";
import { searchQuerySchema } from "../lib/search/search-query";
import { COUNT_CAP } from "../lib/search/search-sql";
import { pointAppAtBenchDatabase } from "./bench-database";
import { fetchJson, foldedPlans, measure, ms, ratio } from "./measure";

type Scenario = { name: string; q: string; sort?: string };

// BENCH_SEARCH_RUNS trims the 1M run, where a common-word phrase takes seconds a query.
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 50);
const WARMUP = Math.max(1, Math.round(RUNS / 10));

// A word a person could type: its own lexeme (so "guarante", the stem of "guarantee", is not one).
const TYPABLE = `plainto_tsquery('paper_search', e.word)::text = quote_literal(e.word)`;

type WordShare = { word: string; share: number };

// About a thousand papers picked by id: the same sample on every run over one corpus, where
// ANALYZE's statistics are a fresh random sample each time (so the bench's words changed between runs).
const SAMPLE_SIZE = 1_000;

/** Stops the bench on a word or phrase no paper holds (a stop word), which would measure nothing. */
export async function assertFound(client: pg.Pool, what: string, query: string): Promise<void> {
  const { rows } = await client.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM paper WHERE search_vector @@ websearch_to_tsquery('paper_search', $1)) AS found`,
    [query],
  );
  if (!rows[0]?.found) throw new Error(`The search bench's ${what} ${JSON.stringify(query)} matches no paper; it cannot be measured.`);
}

/**
 * The bench's words, the same on every run over a corpus: each word's share of papers counted in
 * a fixed sample, ties broken alphabetically; the commonest adjacent pair likewise; surnames by
 * how many sampled papers list them first. Every pick is checked against the whole corpus.
 */
export async function pickBenchWords(client: pg.Pool) {
  const { rows: counted } = await client.query<{ papers: number }>("SELECT count(*)::int AS papers FROM paper");
  const sample = `id % ${Math.max(1, Math.floor(counted[0]!.papers / SAMPLE_SIZE))} = 0`;
  const { rows: words } = await client.query<WordShare>(`
    SELECT e.word, e.ndoc::float8 / (SELECT count(*) FROM paper WHERE ${sample}) AS share
    FROM ts_stat('SELECT search_vector FROM paper WHERE ${sample}') AS e
    WHERE e.word ~ '^[a-z]{4,}$' AND ${TYPABLE}
    ORDER BY e.ndoc DESC, e.word`);
  if (words.length < 4) throw new Error("The search bench found too few words in its sample of the corpus.");
  const { rows: pairs } = await client.query<{ pair: string; share: number }>(`
    SELECT pair, count(*)::float8 / (SELECT count(*) FROM paper WHERE ${sample}) AS share
    FROM paper, unnest(paper_word_pairs(search_vector)) AS pair
    WHERE ${sample} AND pair ~ '^[a-z]{4,} [a-z]{4,}$'
      AND (SELECT bool_and(${TYPABLE}) FROM unnest(string_to_array(pair, ' ')) AS e(word))
    GROUP BY pair ORDER BY count(*) DESC, pair LIMIT 1`);
  const surnameOf = (pattern: string) =>
    client.query<{ name: string }>(`
      SELECT split_part(authors[1], ' ', 2) AS name FROM paper
      WHERE ${sample} AND comment = 'synthetic' AND split_part(authors[1], ' ', 2) ~ '${pattern}'
        AND plainto_tsquery('paper_search', split_part(authors[1], ' ', 2))::text <> ''
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
  const { rows: surnames } = await surnameOf("^[A-Z][a-z]{2,}$");
  const { rows: shortNames } = await surnameOf("^[A-Z][a-z]$");

  const commonest = words[0]!;
  const picked = {
    commonest,
    common: nearest(words, 0.25),
    medium: nearest(words, 0.05),
    rarest: words.slice(-2),
    pair: pairs[0] ?? { pair: `${nearest(words, 0.25).word} ${commonest.word}`, share: 0 },
    surname: surnames[0]?.name ?? "Kirsch",
    shortName: shortNames[0]?.name,
  };
  const { commonest: first, common, medium, rarest } = picked;
  for (const [what, word] of Object.entries({ commonest: first, common, medium, rare: rarest[0]!, "other rare": rarest[1]! })) {
    await assertFound(client, `${what} word`, word.word);
  }
  await assertFound(client, "phrase", `"${picked.pair.pair}"`);
  await assertFound(client, "surname", picked.surname);
  return picked;
}

function nearest(words: { word: string; share: number }[], share: number) {
  return words.reduce((best, word) => (Math.abs(word.share - share) < Math.abs(best.share - share) ? word : best));
}

function sqlOf(sql: { text: string; values: unknown[] }) {
  return { text: sql.text, values: sql.values };
}

/**
 * The app's own search verb (and the plan it picks, to EXPLAIN), imported once the environment
 * names the bench database: its default client is the app's Prisma client, which the timed runs
 * replace with a plain pg pool; a did-you-mean, if any, still goes through Prisma.
 */
async function loadSearchPapers(databaseUrl: string) {
  pointAppAtBenchDatabase(databaseUrl);
  const [{ searchPapers, firstPageSql }, { planSearch }] = await Promise.all([
    import("../lib/search/search-papers"),
    import("../lib/search/plan-search"),
  ]);
  return { searchPapers, firstPageSql, planSearch };
}

export async function benchSearch(ctx: { databaseUrl: string; baseUrl: string; papers: number }): Promise<string> {
  // The same session settings as the app's; two connections, for the page and the count at once.
  const pool = new pg.Pool({ connectionString: ctx.databaseUrl, options: DATABASE_SESSION_OPTIONS, max: 2 });
  const run: RunSql = async <Row>(sql: Prisma.Sql) => (await pool.query(sqlOf(sql))).rows as Row[];
  const { searchPapers, firstPageSql, planSearch } = await loadSearchPapers(ctx.databaseUrl);
  const rows: string[] = [];
  const plans: string[] = [];
  try {
    const { commonest, common, medium, rarest, pair, surname, shortName } = await pickBenchWords(pool);
    const share = (word: { share: number }) => `${(word.share * 100).toFixed(1)} %`;
    const scenarios: Scenario[] = [
      { name: `commonest word (${share(commonest)})`, q: commonest.word },
      { name: `commonest word, newest first`, q: commonest.word, sort: "newest" },
      { name: `common word (${share(common)})`, q: common.word },
      { name: `medium word (${share(medium)})`, q: medium.word },
      { name: `two rare words (${share(rarest[0]!)} and ${share(rarest[1]!)}, AND)`, q: `${rarest[0]!.word} ${rarest[1]!.word}` },
      { name: `commonest phrase (${share(pair)})`, q: `"${pair.pair}"` },
      { name: "phrase of two common words", q: `"${common.word} ${commonest.word}"` },
      { name: "phrase with a medium word", q: `"${medium.word} ${commonest.word}"` },
      { name: "author: filter", q: `author:${surname}` },
      { name: "author: filter and a word", q: `author:${surname} ${common.word}` },
      { name: "surname as a word", q: surname },
      ...(shortName ? [{ name: "two-letter author: and a word", q: `author:${shortName} ${common.word}` }] : []),
      // Natural queries: the field vocabulary expands them, and few full matches bring partial ones.
      { name: "acronym and a word (vocabulary)", q: "LLM agents" },
      { name: "natural six words, partial matches", q: "LLM math reasoning reinforcement learning reward" },
      { name: "natural question, partial matches", q: "how do LLMs learn math reasoning" },
      { name: "unknown word and a rare one (partial)", q: `${rarest[0]!.word} quixotically` },
    ];

    for (const scenario of scenarios) {
      const params = new URLSearchParams({ q: scenario.q, ...(scenario.sort && { sort: scenario.sort }) });
      const query = searchQuerySchema.parse(Object.fromEntries(params));
      const body = (await fetchJson(`${ctx.baseUrl}/api/search?${params}`)) as { total: { count: number; exact: boolean } };
      const api = await measure(() => fetchJson(`${ctx.baseUrl}/api/search?${params}`), RUNS, WARMUP);
      const sql = await measure(() => searchPapers(query, run), RUNS, WARMUP);
      const total = `${body.total.exact ? "" : "≈"}${body.total.count.toLocaleString("en-US")}`;
      rows.push(
        `| ${scenario.name} | \`${scenario.q}\`${scenario.sort ? ` (${scenario.sort})` : ""} | ${total} | ${ms(api.p50)} | ${ms(api.p95)} | ${ms(sql.p50)} | ${ms(sql.p95)} | ${ratio(api.p50, sql.p50)} | ${ratio(api.p95, sql.p95)} |`,
      );
      const pageSql = firstPageSql(await planSearch(query, run));
      const { rows: plan } = await pool.query<{ "QUERY PLAN": string }>({
        text: `EXPLAIN (ANALYZE, BUFFERS) ${pageSql.text}`,
        values: pageSql.values,
      });
      const lines = plan.map((line) => line["QUERY PLAN"]);
      const indexes = ["paper_search_vector_idx", "paper_word_pairs_idx"].filter((index) => lines.some((line) => line.includes(index)));
      plans.push(
        `${scenario.name} — ${indexes.length ? `GIN ${indexes.join(" and ")}` : "no GIN index"}:\n${lines.map((line) => `    ${line}`).join("\n")}`,
      );
    }

    // A title word with two letters swapped finds nothing; the answer carries a "did you mean" (the SQL column has no equivalent).
    const { rows: titleWords } = await pool.query<{ word: string }>(
      `SELECT word FROM search_word WHERE word ~ '^[a-z]{8,}$' ORDER BY papers DESC, word LIMIT 1`,
    );
    const typed = titleWords[0]?.word ?? "reinforcement";
    const typo = `${typed.slice(0, 2)}${typed[3]}${typed[2]}${typed.slice(4)}`;
    const corrected = await measure(() => fetchJson(`${ctx.baseUrl}/api/search?q=${encodeURIComponent(typo)}`), RUNS, WARMUP);
    // The answer is the corrected query's results when the correction finds papers, else a did-you-mean.
    const answer = (await fetchJson(`${ctx.baseUrl}/api/search?q=${encodeURIComponent(typo)}`)) as {
      didYouMean: string | null;
      correction: { showing: string } | null;
    };
    const didYouMean = answer.correction?.showing ?? answer.didYouMean;
    rows.push(
      `| misspelt word, corrected to "${didYouMean ?? "—"}" (API only) | \`${typo}\` | 0 | ${ms(corrected.p50)} | ${ms(corrected.p95)} | | | | |`,
    );

    const suggest = await measure(
      () => fetchJson(`${ctx.baseUrl}/api/search/suggest?q=${encodeURIComponent(common.word.slice(0, 4))}`),
      RUNS,
      WARMUP,
    );
    rows.push(`| suggestions (API only) | \`${common.word.slice(0, 4)}\` | | ${ms(suggest.p50)} | ${ms(suggest.p95)} | | | | |`);
  } finally {
    await pool.end();
  }

  return [
    "## Search",
    "",
    `\`GET /api/search\` through \`next start\` (HTTP, Next.js, zod, Prisma, JSON) next to the same statements sent with \`pg\` ` +
      `(by relevance the planner's estimate first, which picks the plan; then page and capped count in parallel; the estimate ` +
      `also gives the total past ${COUNT_CAP.toLocaleString("en-US")} matches); ` +
      `${RUNS} runs each after ${WARMUP} warm-up runs. Shares are the share of papers holding a word, counted in a fixed sample of about 1,000 papers, so each run over a corpus picks the same words.`,
    "",
    "| query | q | matches | API p50 | API p95 | SQL p50 | SQL p95 | p50 ratio | p95 ratio |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    ...foldedPlans("EXPLAIN (ANALYZE, BUFFERS) of each page query", plans),
  ].join("\n");
}
