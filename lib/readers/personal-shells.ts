import "server-only";

import type { z } from "zod";

import { forYouQuerySchema } from "@/lib/for-you/for-you-query";
import { loadForYouView } from "@/lib/for-you/for-you-view";
import { AppError } from "@/lib/http/app-error";
import { fetchOwnCopy, renderOnce, type OwnPageCopy } from "@/lib/http/own-page";
import { searchParamsToObject } from "@/lib/http/search-params";
import { libraryQuerySchema } from "@/lib/library/library-query";
import { loadLibraryView } from "@/lib/library/library-view";
import { nextUtcMidnight } from "@/lib/page-cache/cacheable";

import { dataBlock, type PersonalView } from "./personal-view";
import { SHELL_HEADER } from "./shell-render";

/**
 * A signed-in reader's /library and /for-you in a browser that runs scripts: one shell for every
 * reader, rendered once a process, its header signed in and its list left to the page's script;
 * with the reader's data (what the page shows, as JSON) put into it for each view
 * (reader-page-copies.ts keeps each reader's). Next.js's render of the list is most of a personal
 * page's cost. docs/deployment.md has the rules ("Page cache": "A personal page in a browser that
 * runs scripts").
 */
export type Shell = OwnPageCopy & {
  /** Where the data goes: before `</body>`. */
  dataAt: number;
  usableUntil: number;
};

const PAGES: Record<string, (readerId: number, params: URLSearchParams) => Promise<PersonalView<unknown, unknown>>> = {
  "/library": (readerId, params) => viewFor(libraryQuerySchema, params, (query) => loadLibraryView(readerId, query)),
  "/for-you": (readerId, params) => viewFor(forYouQuerySchema, params, (query) => loadForYouView(readerId, query)),
};

/** A shell changes with a deployment only; renewed hourly all the same, and at midnight UTC as every page. */
const FRESH_MS = 3_600_000;

type Shells = { pages: Map<string, Shell>; rendering: Map<string, Promise<Shell | null>> };

// The proxy is bundled apart from the routes, and dev reloads re-evaluate modules: one per process.
const globalForShells = globalThis as unknown as { paperpulsePersonalShells?: Shells };

/** The shell of /library or /for-you, rendered at its first view in this process; null if it would not render. */
export async function personalShell(pathname: string): Promise<Shell | null> {
  const store = (globalForShells.paperpulsePersonalShells ??= { pages: new Map(), rendering: new Map() });
  const kept = store.pages.get(pathname);
  if (kept && Date.now() < kept.usableUntil) return kept;
  return renderOnce(store.rendering, pathname, `[shells] rendering ${pathname}`, () => render(store, pathname));
}

async function render(store: Shells, pathname: string): Promise<Shell | null> {
  const page = await fetchOwnCopy(pathname, { [SHELL_HEADER]: "1" });
  if (!page) return null;
  const dataAt = Buffer.from(page.body.buffer).lastIndexOf("</body>");
  if (dataAt < 0) throw new Error("the shell has no </body>");
  const now = Date.now();
  const shell = { ...page, dataAt, usableUntil: Math.min(now + FRESH_MS, nextUtcMidnight(now)) };
  store.pages.set(pathname, shell);
  return shell;
}

/** What /library or /for-you shows a reader for a link's query, or the link's parameter errors, as the shell's data block. */
export async function personalData(pathname: string, readerId: number, params: URLSearchParams): Promise<Uint8Array<ArrayBuffer>> {
  return dataBlock(await PAGES[pathname]!(readerId, params));
}

async function viewFor<Query>(
  schema: z.ZodType<Query>,
  params: URLSearchParams,
  load: (query: Query) => Promise<unknown>,
): Promise<PersonalView<unknown, unknown>> {
  const parsed = schema.safeParse(searchParamsToObject(params));
  if (!parsed.success) return { status: "unreadable", issues: parsed.error.issues.map(({ message }) => ({ message })) };
  try {
    return { status: "ready", query: parsed.data, view: await load(parsed.data) };
  } catch (error) {
    // A cursor we did not issue, say: the render's error page would say the same.
    if (error instanceof AppError && error.code === "bad_request") return { status: "unreadable", issues: [{ message: error.message }] };
    throw error;
  }
}

/** The shell with a reader's data block in it. */
export function shellWithData(shell: Shell, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const body = new Uint8Array(shell.body.length + data.length);
  body.set(shell.body.subarray(0, shell.dataAt));
  body.set(data, shell.dataAt);
  body.set(shell.body.subarray(shell.dataAt), shell.dataAt + data.length);
  return body;
}
