// Library: a reader with 10,000 saved papers (tagged, some rated) opening their library through the
// API with a personal token and as the /library page with a session cookie, p50/p95 per view.
import { createHash, randomBytes } from "node:crypto";

import pg from "pg";

import { foldedPlans, measure, ms } from "./measure";

const SAVED = 10_000;
const TAGS = 20;

type Reader = { id: number; token: string; cookie: string };

/** A reader with SAVED random papers, a tag on most of them, and API and session credentials. */
async function createReader(client: pg.Client): Promise<Reader> {
  await client.query("DELETE FROM reader WHERE email = 'bench-reader@example.org'");
  const { rows } = await client.query<{ id: number }>("INSERT INTO reader (email) VALUES ('bench-reader@example.org') RETURNING id");
  const id = rows[0]!.id;
  // Saved over the last year, one every ~50 minutes, as a busy reader's library grows.
  await client.query(
    `INSERT INTO library_item (reader_id, paper_id, saved_at)
     SELECT $1, p.id, now() - make_interval(mins => (row_number() OVER ())::int * 50)
     FROM (SELECT id FROM paper ORDER BY random() LIMIT $2) p`,
    [id, SAVED],
  );
  await client.query(`INSERT INTO library_tag (reader_id, name) SELECT $1, 'topic ' || n FROM generate_series(1, $2) n`, [id, TAGS]);
  await client.query(
    `INSERT INTO library_item_tag (reader_id, tag_id, paper_id)
     SELECT li.reader_id, t.id, li.paper_id FROM library_item li
     JOIN library_tag t ON t.reader_id = li.reader_id AND t.name = 'topic ' || (1 + li.paper_id % $2)
     WHERE li.reader_id = $1 AND li.paper_id % 5 <> 0`,
    [id, TAGS],
  );
  await client.query(
    `INSERT INTO paper_rating (reader_id, paper_id, rating)
     SELECT reader_id, paper_id, CASE WHEN paper_id % 2 = 0 THEN 'more' ELSE 'less' END::paper_rating_value
     FROM library_item WHERE reader_id = $1 AND paper_id % 10 = 0`,
    [id],
  );
  const secret = () => {
    const tokenId = randomBytes(12).toString("base64url");
    const value = randomBytes(32).toString("base64url");
    return { tokenId, value, hash: createHash("sha256").update(value).digest() };
  };
  const api = secret();
  await client.query("INSERT INTO reader_api_token (id, reader_id, name, secret_hash) VALUES ($1, $2, 'bench', $3)", [
    api.tokenId,
    id,
    api.hash,
  ]);
  const session = secret();
  await client.query("INSERT INTO reader_session (id, reader_id, secret_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')", [
    session.tokenId,
    id,
    session.hash,
  ]);
  await client.query("ANALYZE library_item; ANALYZE library_item_tag; ANALYZE library_tag; ANALYZE paper_rating");
  return { id, token: `pp_${api.tokenId}.${api.value}`, cookie: `pp_session=${session.tokenId}.${session.value}` };
}

async function get(url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { headers });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return url.includes("/api/") ? response.json() : response.text();
}

export async function benchLibrary(ctx: { databaseUrl: string; baseUrl: string }): Promise<string> {
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  const rows: string[] = [];
  const plans: string[] = [];
  let reader: Reader | undefined;
  try {
    reader = await createReader(client);
    const auth = { authorization: `Bearer ${reader.token}` };
    const { rows: word } = await client.query<{ word: string }>(
      `SELECT split_part(p.title, ' ', 2) AS word FROM library_item li JOIN paper p ON p.id = li.paper_id WHERE li.reader_id = $1 LIMIT 1`,
      [reader.id],
    );
    // Page 50 of the default order, reached by following the cursors as a reader would.
    let cursor = "";
    for (let page = 1; page < 50; page++) {
      const result = (await get(`${ctx.baseUrl}/api/library?limit=25${cursor}`, auth)) as { nextCursor: string };
      cursor = `&cursor=${result.nextCursor}`;
    }
    const views: [string, string, Record<string, string>][] = [
      ["API: newest saved", "/api/library?limit=25", auth],
      ["API: newest saved, page 50", `/api/library?limit=25${cursor}`, auth],
      ["API: by date published", "/api/library?limit=25&sort=published", auth],
      ["API: by title", "/api/library?limit=25&sort=title", auth],
      ["API: one tag", "/api/library?limit=25&tag=topic%207", auth],
      ["API: search within", `/api/library?limit=25&q=${encodeURIComponent(word[0]!.word)}`, auth],
      ["floor: /api/health", "/api/health", {}],
      ["page: / (the feed, signed in)", "/?period=all", { cookie: reader.cookie }],
      ["page: /library", "/library", { cookie: reader.cookie }],
      ["page: /library by title in a tag", "/library?sort=title&tag=topic%207", { cookie: reader.cookie }],
    ];
    for (const [name, path, headers] of views) {
      let size = 0;
      const timing = await measure(
        async () => {
          const body = await get(`${ctx.baseUrl}${path}`, headers);
          size = typeof body === "string" ? Buffer.byteLength(body) : JSON.stringify(body).length;
        },
        100,
        10,
      );
      rows.push(`| ${name} | ${ms(timing.p50)} | ${ms(timing.p95)} | ${(size / 1024).toFixed(0)} KB |`);
    }
    for (const [label, order] of [
      ["by title", "li.title_key, li.paper_id"],
      ["newest saved", "li.saved_at DESC, li.paper_id DESC"],
    ] as const) {
      const { rows: plan } = await client.query<{ "QUERY PLAN": string }>(
        `EXPLAIN (ANALYZE, BUFFERS) SELECT p.id FROM library_item li JOIN paper p ON p.id = li.paper_id WHERE li.reader_id = $1 ORDER BY ${order} LIMIT 26`,
        [reader.id],
      );
      plans.push(`${label}:\n${plan.map((line) => `    ${line["QUERY PLAN"]}`).join("\n")}`);
    }
  } finally {
    // The corpus may be shared: the reader's saves, tags, ratings and credentials go with it (cascade).
    if (reader) await client.query("DELETE FROM reader WHERE id = $1", [reader.id]);
    await client.end();
  }
  return [
    "## Library",
    "",
    `A reader with ${SAVED.toLocaleString("en-US")} saved papers, ${TAGS} tags on 80 % of them and 1,000 ratings; 25 papers a page through \`next start\`; 100 runs each after 10 warm-up runs.`,
    "",
    "| view | p50 | p95 | body |",
    "|---|---|---|---|",
    ...rows,
    "",
    ...foldedPlans("EXPLAIN ANALYZE of the page queries", plans),
  ].join("\n");
}
