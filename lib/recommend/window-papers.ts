import "server-only";

import { primaryRows } from "@/lib/db";
import { readRows } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ListingWindow } from "@/lib/papers/feed-period";
import { vectorColumns, vectorsByPaper, type VectorRow } from "@/lib/similarity/load-vectors";

import { indexPapers } from "./reader-scorer";

/** A listing window's papers and the inverted list of their vectors that scores them all for a reader. */
export type WindowPapers = { ids: number[]; index: ReturnType<typeof indexPapers<number>> };

/**
 * Above this many papers a window's readers are ranked over the similarity index's candidates
 * instead (find-candidates.ts): scoring every paper costs a pass over each liked paper's postings
 * in the window, for a 50-paper reader 8 ms of CPU over 2,800 papers, 14 over 8,300 and 38 over
 * 25,000, where all time's candidates cost 26 (measured in-process on the bench corpus).
 */
export const MAX_WINDOW_PAPERS = 10_000;
/** Papers of all the windows kept at once: the current day, week and month, and another listing's. */
const MAX_KEPT_PAPERS = 30_000;
/** Windows kept at once, counting those remembered as too big. */
const MAX_KEPT_WINDOWS = 8;

type Loaded = { papers: WindowPapers | null; version: bigint };
/** `papers`: how many it holds once read (0 until then, or when too big to keep). */
type Kept = { loaded: Promise<Loaded>; papers: number };

/**
 * Windows kept for the similarity index's version they were read at, most recently used last:
 * every reader's first view of a period ranks the same papers, so they are read and indexed once
 * per process and version, not once per reader. A window too big to keep is remembered as such.
 */
const kept: { version: bigint; windows: Map<string, Kept> } = { version: -1n, windows: new Map() };

/**
 * The papers listed in the window, read and indexed as of `indexVersion` (the similarity index's,
 * as the view read it) or a later one, or null when there are more than MAX_WINDOW_PAPERS. A
 * replica behind the latest version a view asked for (as one is for a moment after every ingest)
 * may lack papers of the window: it is read again from the primary, so that every first view
 * while the replica catches up does not read it afresh.
 */
export async function readWindowPapers(window: ListingWindow, indexVersion: bigint): Promise<WindowPapers | null> {
  if (kept.version < indexVersion) {
    kept.version = indexVersion;
    kept.windows.clear();
  }
  const key = `${window.from}/${window.to}`;
  const entry: Kept = kept.windows.get(key) ?? { loaded: loadWindow(window, kept.version), papers: 0 };
  // Most recently used last, so the least recently used goes first.
  kept.windows.delete(key);
  kept.windows.set(key, entry);
  const forget = () => kept.windows.get(key) === entry && kept.windows.delete(key);
  let loaded: Loaded;
  try {
    loaded = await entry.loaded;
  } catch (error) {
    forget();
    throw error;
  }
  // Behind even on the primary: a view asked for a version no database has reached yet.
  if (loaded.version < kept.version) forget();
  entry.papers = loaded.papers?.ids.length ?? 0;
  let total = [...kept.windows.values()].reduce((sum, other) => sum + other.papers, 0);
  for (const [other, { papers }] of kept.windows) {
    if (total <= MAX_KEPT_PAPERS && kept.windows.size <= MAX_KEPT_WINDOWS) break;
    kept.windows.delete(other);
    total -= papers;
  }
  return loaded.papers;
}

/**
 * The window's papers with their vectors, in one read that says which index version it saw (one
 * row without a paper when there are none) and, for a window too big, only how many it lists; from
 * the primary if a replica answered from before `version`.
 */
async function loadWindow(window: ListingWindow, version: bigint): Promise<Loaded> {
  type Row = { indexVersion: string; listed: number } & (VectorRow | { [K in keyof VectorRow]: null });
  const query = Prisma.sql`
    WITH listed AS MATERIALIZED (
      SELECT p.id FROM paper p WHERE p.listed_on BETWEEN ${window.from}::date AND ${window.to}::date LIMIT ${MAX_WINDOW_PAPERS + 1}
    )
    SELECT (SELECT version FROM similarity_index_state) AS "indexVersion", (SELECT count(*)::int FROM listed) AS listed, ${vectorColumns}
    FROM (VALUES (1)) AS one
    LEFT JOIN (listed l JOIN paper_vector v ON v.paper_id = l.id) ON (SELECT count(*) FROM listed) <= ${MAX_WINDOW_PAPERS}
    ORDER BY v.paper_id`;
  let rows = await readRows<Row>(query);
  if (BigInt(rows[0]!.indexVersion) < version) rows = await primaryRows<Row>(query);
  const read = BigInt(rows[0]!.indexVersion);
  if (rows[0]!.listed > MAX_WINDOW_PAPERS) return { papers: null, version: read };
  const byPaper = vectorsByPaper(rows.filter((row): row is Row & VectorRow => row.paperId !== null));
  return { papers: { ids: [...byPaper.keys()], index: indexPapers([...byPaper.values()]) }, version: read };
}
