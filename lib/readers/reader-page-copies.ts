import "server-only";

import { availableParallelism } from "node:os";

import { NextResponse, type NextRequest } from "next/server";

import { BoundedStore } from "@/lib/bounded-store";
import { primaryRows } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { PRIVATE_NO_STORE } from "@/lib/http/cacheable-response";
import { fetchOwnCopy, renderOnce, type OwnPageCopy } from "@/lib/http/own-page";
import { RECENT_WRITE_COOKIE } from "@/lib/http/read-your-writes";
import { nextUtcMidnight } from "@/lib/page-cache/cacheable";
import { SCRIPTS_COOKIE } from "@/lib/page-cache/personal-cookies";
import { RenderTurns } from "@/lib/page-cache/render-turns";
import { parseLinkToken } from "@/lib/subscribers/link-token";

import { SESSION_TOUCH_INTERVAL_MS } from "./lifetimes";
import { personalData, personalShell, shellWithData } from "./personal-shells";
import { PERSONAL_PAGES, SCRIPTS_OFF } from "./personal-view";
import { SESSION_COOKIE } from "./session-cookie";
import { isOpenSession, readSession } from "./sessions";
import { SHELL_HEADER } from "./shell-render";

/**
 * A signed-in reader's /library and /for-you, made once and served again to them while a stamp
 * read from PostgreSQL on every view (their page version, the similarity index's) is unchanged: in
 * a browser that runs scripts, their data in the shell every reader gets (personal-shells.ts); in
 * one that does not, their page rendered. Next.js's render is most of these pages' cost, and a
 * reader comes back far more often than the pages change. docs/deployment.md ("Page cache") has
 * the rules: freshness, the UTC day, memory.
 */
export const READER_COPY_HEADER = "X-Reader-Copy";
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action"];
const FRESH_MS = 300_000;

type Copy = OwnPageCopy & { stamp: string; usableUntil: number };
type Copies = { pages: BoundedStore<Copy>; rendering: Map<string, Promise<Copy | null>>; renders: RenderTurns };

/**
 * Copies rendered at a time, the rest waiting their turn (lib/page-cache/render-turns.ts): fifty
 * first views rendered at once all finish late together (p99 2.6 s; in turns 1.4 s, the same views
 * a second). In the order they came, unlike the page cache's: a copy serves one reader, so in a
 * burst nearly every view is a miss, and latest first left the few oldest 2.8 s (p99) against 1.1.
 */
const RENDERS_AT_ONCE = 4 * availableParallelism();
const IN_ORDER = 0;

// The proxy is bundled apart from the routes, and dev reloads re-evaluate modules: one per process.
const globalForCopies = globalThis as unknown as { paperpulseReaderCopies?: Copies };

function copies(): Copies | null {
  if (env.READER_COPIES_MB === 0 || env.NODE_ENV === "development") return null;
  return (globalForCopies.paperpulseReaderCopies ??= {
    pages: new BoundedStore<Copy>(env.READER_COPIES_MB * 1024 * 1024, (copy) => copy.body.byteLength),
    rendering: new Map(),
    renders: new RenderTurns(RENDERS_AT_ONCE, IN_ORDER),
  });
}

/**
 * The reader's copy of the page when the request is a plain GET of /library or /for-you from a
 * signed-in browser that has not just written (it reads its own writes, rendered for it): their data
 * in the shell for a browser that runs scripts, else their page; served when still current, else
 * made now (once however many ask) and kept. Null otherwise, and when the copy cannot be made (a
 * redirect, an error): the request is then rendered as before.
 */
export async function servedReaderCopy(request: NextRequest): Promise<NextResponse | null> {
  const store = copies();
  if (!store || request.method !== "GET" || !PERSONAL_PAGES.has(request.nextUrl.pathname)) return null;
  if (request.cookies.has(RECENT_WRITE_COOKIE)) return null;
  if (ROUTER_HEADERS.some((name) => request.headers.has(name)) || request.nextUrl.searchParams.has("_rsc")) return null;
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  const reader = await readerStamp(token);
  if (!reader) return null;
  // A view moves the session's expiry forward as a render would (readSession does, when it is due).
  if (Date.now() - reader.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS && !(await readSession(token))) return null;
  const { stamp } = reader;
  const { pathname, search, searchParams } = request.nextUrl;
  if (request.cookies.has(SCRIPTS_COOKIE) && searchParams.get(SCRIPTS_OFF.name) !== SCRIPTS_OFF.value) {
    return servedInShell(store, `${reader.sessionId} data ${pathname}${search}`, stamp, reader.readerId, request);
  }
  const key = `${reader.sessionId} ${pathname}${search}`;
  const kept = store.pages.get(key);
  if (kept && kept.stamp === stamp && Date.now() < kept.usableUntil) return copyResponse(kept, "hit");
  const rendered = await render(store, key, stamp, request);
  return rendered && copyResponse(rendered, "miss");
}

/**
 * The session's reader and what a copy must have been rendered at (their page version and the
 * similarity index's), in one query: a hit costs this and no render. Null without a valid session.
 */
async function readerStamp(
  token: string | undefined,
): Promise<{ sessionId: string; readerId: number; stamp: string; lastSeenAt: Date } | null> {
  const parsed = token ? parseLinkToken(token) : null;
  if (!parsed) return null;
  // Raw (see primaryRows): every view of a personal page reads it, a hit nothing else.
  type Row = { secretHash: Uint8Array; expiresAt: Date; lastSeenAt: Date; readerId: number; pages: number; index: string };
  const [row] = await primaryRows<Row>(Prisma.sql`
    SELECT s.secret_hash AS "secretHash", s.expires_at AS "expiresAt", s.last_seen_at AS "lastSeenAt",
           r.id AS "readerId", r.page_version AS pages, i.version AS index
    FROM reader_session s JOIN reader r ON r.id = s.reader_id, similarity_index_state i
    WHERE s.id = ${parsed.id}`);
  if (!isOpenSession(parsed.secret, row)) return null;
  return { sessionId: parsed.id, readerId: row.readerId, stamp: `${row.pages}.${row.index}`, lastSeenAt: row.lastSeenAt };
}

/**
 * The shell with the reader's data, theirs kept as their copy is (`body`: the data block). Null when
 * either cannot be made (an error, logged): the page is then rendered for them.
 */
async function servedInShell(
  store: Copies,
  key: string,
  stamp: string,
  readerId: number,
  request: NextRequest,
): Promise<NextResponse | null> {
  const { pathname, searchParams } = request.nextUrl;
  const kept = store.pages.get(key);
  const current = kept && kept.stamp === stamp && Date.now() < kept.usableUntil ? kept : null;
  const [shell, data] = await Promise.all([
    personalShell(pathname),
    current ??
      renderOnce(store.rendering, key, `[reader-copies] data of ${pathname}`, async () => {
        const copy = { body: await personalData(pathname, readerId, searchParams), headers: {}, stamp, usableUntil: usableUntil() };
        store.pages.set(key, copy);
        return copy;
      }),
  ]);
  if (!shell || !data) return null;
  return new NextResponse(shellWithData(shell, data.body), {
    headers: { ...shell.headers, "Cache-Control": PRIVATE_NO_STORE, [READER_COPY_HEADER]: current ? "hit" : "miss", [SHELL_HEADER]: "1" },
  });
}

/** A copy is served for five minutes at most, and not past midnight UTC, when a page's "today" changes. */
function usableUntil(): number {
  const now = Date.now();
  return Math.min(now + FRESH_MS, nextUtcMidnight(now));
}

function render(store: Copies, key: string, stamp: string, request: NextRequest): Promise<Copy | null> {
  return renderOnce(store.rendering, key, `[reader-copies] rendering ${request.nextUrl.pathname}`, () =>
    store.renders.run(() => renderCopy(store, key, stamp, request)),
  );
}

/** The page as the reader's browser would get it, by a request to this server with their cookies. */
async function renderCopy(store: Copies, key: string, stamp: string, request: NextRequest): Promise<Copy | null> {
  const page = await fetchOwnCopy(request.nextUrl.pathname + request.nextUrl.search, { cookie: request.headers.get("cookie") ?? "" });
  if (!page) return null;
  const copy = { ...page, stamp, usableUntil: usableUntil() };
  store.pages.set(key, copy);
  return copy;
}

function copyResponse(copy: Copy, state: "hit" | "miss"): NextResponse {
  return new NextResponse(copy.body, {
    headers: { ...copy.headers, "Cache-Control": PRIVATE_NO_STORE, [READER_COPY_HEADER]: state },
  });
}
