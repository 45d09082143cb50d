import { createHash } from "node:crypto";

import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

import { hashedContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { isCacheableRequest, isPersonalCopyRequest, nextUtcMidnight, pageKind, paperIdOfPath } from "@/lib/page-cache/cacheable";
import { inlineScriptHashes } from "@/lib/page-cache/inline-script-hashes";
import { shownUpvotes } from "@/lib/page-cache/listed-votes";
import { PageStore, type CachedPage } from "@/lib/page-cache/page-store";
import { RenderTurns } from "@/lib/page-cache/render-turns";

// The cookie names come from a module that reads the environment; nothing here connects.
vi.hoisted(() => (process.env.DATABASE_URL ??= "postgresql://unit@127.0.0.1:1/none"));

const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(`http://localhost${path}`, init);

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");

describe("which requests the page cache answers", () => {
  it("keeps papers, the feed, authors, categories and searches, and nothing personal", () => {
    expect(pageKind("/")).toBe("feed");
    expect(pageKind("/papers/2502.03387")).toBe("paper");
    expect(pageKind("/papers/hep-th/9901001")).toBe("paper");
    expect(pageKind("/authors/Ada%20Lovelace")).toBe("listing");
    expect(pageKind("/categories/cs.LG")).toBe("listing");
    expect(pageKind("/search")).toBe("search");
    for (const path of ["/library", "/account", "/for-you", "/subscriptions/manage", "/sign-in", "/api/papers", "/papers"]) {
      expect(pageKind(path)).toBeNull();
    }
  });

  it("answers only plain GETs from browsers whose cookies change nothing, or whose scripts fetch the rest", () => {
    const withCookie = (path: string, cookie: string) => isCacheableRequest(request(path, { headers: { cookie } }));
    expect(isCacheableRequest(request("/papers/2502.03387"))).toBe(true);
    expect(withCookie("/?period=week", "pp_voter=abc.def")).toBe(true);
    expect(withCookie("/?period=week", "pp_voter=abc.def; pp_js=1; pp_personal=1")).toBe(true);
    // A session or a browser's own votes: the shared page when the browser runs the script that fetches them.
    expect(withCookie("/papers/2502.03387", "pp_voter=abc.def; pp_session=x")).toBe(false);
    expect(withCookie("/papers/2502.03387", "pp_voted=1")).toBe(false);
    for (const path of ["/papers/2502.03387", "/?period=week", "/search?q=graph"]) {
      expect(withCookie(path, "pp_voter=abc.def; pp_session=x; pp_js=1; pp_personal=1")).toBe(true);
      expect(withCookie(path, "pp_voted=1; pp_js=1")).toBe(true);
    }
    // Authors' and categories' pages show the reader's digest, which no script fetches.
    expect(withCookie("/authors/Ada%20Lovelace", "pp_session=x; pp_js=1")).toBe(false);
    expect(withCookie("/authors/Ada%20Lovelace", "pp_voter=abc.def; pp_js=1")).toBe(true);
    // Right after a write the visitor reads their own write, rendered for them.
    expect(withCookie("/search?q=graph", "pp_recent_write=1")).toBe(false);
    expect(withCookie("/papers/2502.03387", "pp_session=x; pp_js=1; pp_recent_write=1")).toBe(false);
    expect(isCacheableRequest(request("/", { headers: { cookie: "anything=else" } }))).toBe(false);
    expect(isCacheableRequest(request("/", { method: "POST" }))).toBe(false);
    expect(isCacheableRequest(request("/", { method: "HEAD" }))).toBe(false);
    expect(isCacheableRequest(request("/", { headers: { rsc: "1" } }))).toBe(false);
    expect(isCacheableRequest(request("/", { headers: { "next-router-prefetch": "1" } }))).toBe(false);
    expect(isCacheableRequest(request("/?_rsc=abc"))).toBe(false);
    expect(isCacheableRequest(request("/library"))).toBe(false);
  });

  it("makes the copy a visitor's own for a session or votes in a browser without scripts, and only then", () => {
    const withCookie = (path: string, cookie: string) => isPersonalCopyRequest(request(path, { headers: { cookie } }));
    for (const path of ["/papers/2502.03387", "/?period=week", "/search?q=graph"]) {
      expect(withCookie(path, "pp_voter=abc.def; pp_session=x")).toBe(true);
      expect(withCookie(path, "pp_voted=1; pp_personal=1")).toBe(true);
      // Scripts fetch the state onto the shared copy; nothing personal needs nothing.
      expect(withCookie(path, "pp_session=x; pp_js=1")).toBe(false);
      expect(withCookie(path, "pp_voter=abc.def")).toBe(false);
      expect(isPersonalCopyRequest(request(path))).toBe(false);
      // Right after a write, or with a cookie nobody knows, the page is rendered for the visitor.
      expect(withCookie(path, "pp_session=x; pp_recent_write=1")).toBe(false);
      expect(withCookie(path, "pp_session=x; anything=else")).toBe(false);
    }
    expect(withCookie("/authors/Ada%20Lovelace", "pp_session=x")).toBe(false);
    expect(withCookie("/library", "pp_session=x")).toBe(false);
    expect(isPersonalCopyRequest(request("/", { method: "POST", headers: { cookie: "pp_session=x" } }))).toBe(false);
    expect(isPersonalCopyRequest(request("/", { headers: { cookie: "pp_session=x", rsc: "1" } }))).toBe(false);
  });

  it("reads the paper a page shows from its path", () => {
    expect(paperIdOfPath("/papers/2502.03387")).toBe("2502.03387");
    expect(paperIdOfPath("/papers/hep-th/9901001")).toBe("hep-th/9901001");
    expect(paperIdOfPath("/papers/%ZZ")).toBeNull();
    expect(paperIdOfPath("/papers/2502.03387v2")).toBe("2502.03387");
    // Hostile paths (a NUL byte fails in PostgreSQL) are never looked up.
    expect(paperIdOfPath("/papers/%00/x")).toBeNull();
    expect(paperIdOfPath("/papers/not-an-id")).toBeNull();
    expect(paperIdOfPath("/search")).toBeNull();
  });

  it("ends every copy's day at the next midnight UTC", () => {
    expect(nextUtcMidnight(Date.parse("2026-12-06T23:59:59.999Z"))).toBe(Date.parse("2026-12-07T00:00:00Z"));
    expect(nextUtcMidnight(Date.parse("2026-12-31T00:00:00Z"))).toBe(Date.parse("2027-01-01T00:00:00Z"));
  });
});

describe("the policy of a cached page", () => {
  it("allows exactly the page's inline scripts, by hash, and leaves script files to the origin", () => {
    const bootstrap = "(self.__next_f=self.__next_f||[]).push([0])";
    const data = 'self.__next_f.push([1,"\\u003c/script\\u003e ünïcode"])';
    const html = `<html><head><script src="/_next/static/chunks/a.js" async=""></script><script>${bootstrap}</script></head><body><script nonce="x">${data}</script><script>${bootstrap}</script></body></html>`;
    const page = new TextEncoder().encode(html);
    expect(inlineScriptHashes(page)).toEqual([sha256(bootstrap), sha256(data)]);
    const policy = hashedContentSecurityPolicy(inlineScriptHashes(page));
    expect(policy).toContain(`script-src 'self' 'sha256-${sha256(bootstrap)}' 'sha256-${sha256(data)}';`);
    expect(policy).not.toMatch(/script-src[^;]*('unsafe-inline'|'nonce-)/);
    expect(policy).toContain("frame-ancestors 'none'");
  });
});

describe("the page store", () => {
  const page = (body: string): CachedPage => ({
    body: new TextEncoder().encode(body),
    status: 200,
    contentType: "text/html",
    policy: "",
    etag: "",
    shared: "",
    votes: {},
    renderedAt: 0,
    freshUntil: 0,
    usableUntil: 0,
  });

  it("drops the least recently served pages past its budget", () => {
    const store = new PageStore(10);
    store.set("/a", page("aaaa"));
    store.set("/b", page("bbbb"));
    store.get("/a");
    store.set("/c", page("cccc"));
    expect(store.get("/b")).toBeUndefined();
    expect(store.get("/a")?.body).toEqual(new TextEncoder().encode("aaaa"));
    expect(store.get("/c")?.body).toEqual(new TextEncoder().encode("cccc"));
    store.set("/huge", page("x".repeat(11)));
    expect(store.get("/huge")).toBeUndefined();
    expect(store.get("/a")).toBeDefined();
  });

  it("marks a page out of date without dropping it", () => {
    const store = new PageStore(100);
    store.set("/a", { ...page("a"), freshUntil: Date.now() + 60_000, usableUntil: Date.now() + 120_000 });
    store.markOutdated("/a");
    expect(store.get("/a")).toMatchObject({ body: new TextEncoder().encode("a"), freshUntil: 0, usableUntil: 0 });
  });
});

describe("the render turns", () => {
  /** `count` pieces of work on `turns`, each running until finished by hand; the 4th fails. */
  function burst(turns: RenderTurns, count: number) {
    const started: number[] = [];
    const finish = new Map<number, () => void>();
    const runs = Array.from({ length: count }, (_, index) =>
      turns
        .run(async () => {
          started.push(index);
          await new Promise<void>((resolve) => finish.set(index, resolve));
          if (index === 3) throw new Error("a failed render hands its turn on too");
          return index;
        })
        .catch((error: Error) => error.message),
    );
    return { started, finish: (index: number) => finish.get(index)!(), results: Promise.all(runs) };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  afterEach(() => vi.useRealTimers());

  it("runs a burst a few at a time, the latest first, however many wait", async () => {
    const { started, finish, results } = burst(new RenderTurns(2, 60_000), 10);
    await settle();
    expect(started).toEqual([0, 1]);
    finish(0);
    await settle();
    finish(1);
    await settle();
    expect(started).toEqual([0, 1, 9, 8]);
    for (const index of [9, 8, 7, 6, 5, 4, 3, 2]) {
      finish(index);
      await settle();
    }
    expect(started).toEqual([0, 1, 9, 8, 7, 6, 5, 4, 3, 2]);
    expect((await results)[3]).toBe("a failed render hands its turn on too");
  });

  it("with a patience of 0, as the readers' copies have, takes them in the order they came", async () => {
    const { started, finish, results } = burst(new RenderTurns(2, 0), 5);
    await settle();
    for (const index of [0, 1, 2, 3, 4]) {
      finish(index);
      await settle();
    }
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect((await results)[3]).toBe("a failed render hands its turn on too");
  });

  it("takes the longest waiting first once it has waited its patience", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { started, finish, results } = burst(new RenderTurns(1, 2_000), 4);
    await settle();
    finish(0);
    await settle();
    expect(started).toEqual([0, 3]);
    vi.advanceTimersByTime(2_000);
    finish(3);
    await settle();
    expect(started).toEqual([0, 3, 1]);
    finish(1);
    await settle();
    finish(2);
    expect(await results).toEqual([0, 1, 2, "a failed render hands its turn on too"]);
  });
});

describe("the votes a copy follows", () => {
  it("reads a paper page's count from its upvote form, as the page shows it", () => {
    const form = (arxivId: string, upvotes: number) =>
      `<form data-mark="upvote" data-upvotes="${upvotes}" class="flex" action="" encType="multipart/form-data" method="POST"><input type="hidden" name="$ACTION_REF_3"/><input type="hidden" name="$ACTION_3:1" value="[{&quot;upvoted&quot;:false,&quot;upvotes&quot;:${upvotes}}]"/><input type="hidden" name="arxivId" value="${arxivId}"/><button type="submit"><span class="tabular-nums">${upvotes}</span></button></form>`;
    const html = `<main>${form("2502.03387", 12)}<form data-mark="save"><input type="hidden" name="arxivId" value="2502.00001"/></form>${form("hep-th/9901001", 0)}</main>`;
    expect(shownUpvotes(html)).toEqual({ "2502.03387": 12, "hep-th/9901001": 0 });
    expect(shownUpvotes("<main>No such paper.</main>")).toEqual({});
  });
});
