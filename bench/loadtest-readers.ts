// The signed-in readers of the load test (bench/loadtest.ts).
import { createHash, randomBytes } from "node:crypto";

import type pg from "pg";

export const BENCH_READER = "loadtest-reader@example.org";

/**
 * A signed-in reader as the site knows one: a session, 50 saved papers (the first of the feed's
 * among them), 10 rated, so their pages show marks. Returns the session cookie.
 */
export async function signInReader(client: pg.Client, paperIds: number[]): Promise<string> {
  await client.query("DELETE FROM reader WHERE email = $1", [BENCH_READER]);
  const { rows } = await client.query<{ id: number }>("INSERT INTO reader (email) VALUES ($1) RETURNING id", [BENCH_READER]);
  const readerId = rows[0]!.id;
  await client.query("INSERT INTO library_item (reader_id, paper_id) SELECT $1, unnest($2::int[])", [readerId, paperIds.slice(0, 50)]);
  await client.query("INSERT INTO paper_rating (reader_id, paper_id, rating) SELECT $1, unnest($2::int[]), 'more'::paper_rating_value", [
    readerId,
    paperIds.slice(0, 10),
  ]);
  const id = randomBytes(12).toString("base64url");
  const secret = randomBytes(32).toString("base64url");
  await client.query("INSERT INTO reader_session (id, reader_id, secret_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')", [
    id,
    readerId,
    createHash("sha256").update(secret).digest(),
  ]);
  return `pp_session=${id}.${secret}`;
}

export const MANY_READERS = Number(process.env.LOADTEST_READERS ?? 1000);
export const MANY_READERS_EMAIL = "loadtest-reader-%@example.org";

/**
 * Many signed-in readers, as a big audience is: each with a session, 50 saved papers drawn from
 * `paperIds`, 10 of them rated "More like this". Their personal pages are measured reader after
 * reader, so no view is served from what the same reader's previous view left behind unless the
 * target says so. Returns their session cookies.
 */
export async function signInReaders(client: pg.Client, count: number, paperIds: number[]): Promise<string[]> {
  await client.query("DELETE FROM reader WHERE email LIKE $1", [MANY_READERS_EMAIL]);
  const emails = Array.from({ length: count }, (_, index) => MANY_READERS_EMAIL.replace("%", String(index)));
  const { rows } = await client.query<{ id: number }>("INSERT INTO reader (email) SELECT unnest($1::text[]) RETURNING id", [emails]);
  const saves = rows.map((row) => ({ readerId: row.id, papers: sample(paperIds, 50) }));
  const column = (pick: (save: (typeof saves)[number]) => number[]) => saves.flatMap((save) => pick(save));
  await client.query("INSERT INTO library_item (reader_id, paper_id) SELECT unnest($1::int[]), unnest($2::int[])", [
    column((save) => save.papers.map(() => save.readerId)),
    column((save) => save.papers),
  ]);
  await client.query(
    "INSERT INTO paper_rating (reader_id, paper_id, rating) SELECT unnest($1::int[]), unnest($2::int[]), 'more'::paper_rating_value",
    [column((save) => save.papers.slice(0, 10).map(() => save.readerId)), column((save) => save.papers.slice(0, 10))],
  );
  const sessions = rows.map(() => ({ id: randomBytes(12).toString("base64url"), secret: randomBytes(32).toString("base64url") }));
  await client.query(
    `INSERT INTO reader_session (id, reader_id, secret_hash, expires_at)
     SELECT unnest($1::text[]), unnest($2::int[]), unnest($3::bytea[]), now() + interval '1 day'`,
    [
      sessions.map((session) => session.id),
      rows.map((row) => row.id),
      sessions.map((session) => createHash("sha256").update(session.secret).digest()),
    ],
  );
  return sessions.map((session) => `pp_session=${session.id}.${session.secret}`);
}

/**
 * The readers' tables as autovacuum would leave them (bench/bench-index.ts): the planner's
 * statistics for the readers' rows, and the last run's readers gone. Without it each run left a
 * million dead library rows behind, and the signed-in views grew slower run by run.
 */
export async function vacuumReaderTables(client: pg.Client): Promise<void> {
  await client.query("VACUUM ANALYZE reader, reader_session, library_item, paper_rating, reader_model, reader_recommendation");
}

function sample(ids: number[], count: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, ids.length)) chosen.add(ids[Math.floor(Math.random() * ids.length)]!);
  return [...chosen];
}

/**
 * Each reader's first view of a page, ten at a time: what trains their model after the bulk
 * inserts above (a save through the app trains it at once), so the measured first views rank.
 */
export async function visitOnce(baseUrl: string, path: string, cookies: string[]): Promise<void> {
  let next = 0;
  const visit = async () => {
    for (let index = next++; index < cookies.length; index = next++) {
      const response = await fetch(new URL(path, baseUrl), { headers: { cookie: cookies[index]! } });
      if (!response.ok) throw new Error(`${path} answered ${response.status} while warming up.`);
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 10 }, visit));
}
