import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { savePapers } from "@/lib/library/save-papers";
import { ratePaper } from "@/lib/library/rate-paper";
import { addTags } from "@/lib/library/tag-papers";
import { setUpvote } from "@/lib/papers/upvote-paper";
import { createApiToken, revokeApiToken } from "@/lib/readers/api-tokens";
import { deleteReader } from "@/lib/readers/delete-reader";
import { readerVoterHash } from "@/lib/readers/reader-voter";
import { createSession } from "@/lib/readers/sessions";

const libraryRoute = await import("@/app/api/library/route");
const itemRoute = await import("@/app/api/library/[...arxivId]/route");
const bibtexRoute = await import("@/app/api/library/bibtex/route");
const exportRoute = await import("@/app/api/account/export/route");

const ORIGIN = "http://localhost:3000";

async function newReader() {
  const reader = await db.reader.create({
    data: { email: `api-${randomBytes(6).toString("hex")}@example.org` },
    select: { id: true, email: true },
  });
  return { ...reader, cookie: `pp_session=${await createSession(reader.id)}` };
}

function call(
  handler: (request: Request, context: never) => Promise<Response>,
  path: string,
  init: RequestInit & { context?: unknown } = {},
) {
  return handler(new Request(`${ORIGIN}${path}`, init), init.context as never);
}

const json = (body: unknown) => ({ "content-type": "application/json", body: JSON.stringify(body) });
const itemContext = (arxivId: string) => ({ params: Promise.resolve({ arxivId: arxivId.split("/") }) });

describe("the library API", () => {
  it("asks for a session or a token", async () => {
    const response = await call(libraryRoute.GET, "/api/library");
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
    const forged = await call(libraryRoute.GET, "/api/library", {
      headers: { authorization: `Bearer pp_${randomBytes(12).toString("base64url")}.${randomBytes(32).toString("base64url")}` },
    });
    expect(forged.status).toBe(401);
  });

  it("saves, lists, tags and removes with the session cookie, and refuses cross-site writes", async () => {
    const reader = await newReader();
    const [a, b] = await db.paper.findMany({ select: { arxivId: true }, take: 2 });
    const { "content-type": type, body } = json({
      arxivIds: [`https://arxiv.org/abs/${a!.arxivId}v2`, b!.arxivId, "2401.99999"],
      tags: ["Reading"],
    });

    const crossSite = await call(libraryRoute.POST, "/api/library", {
      method: "POST",
      headers: { cookie: reader.cookie, origin: "https://evil.example", "content-type": type },
      body,
    });
    expect(crossSite.status).toBe(403);
    expect(await db.libraryItem.count({ where: { readerId: reader.id } })).toBe(0);

    const saved = await call(libraryRoute.POST, "/api/library", {
      method: "POST",
      headers: { cookie: reader.cookie, origin: ORIGIN, "content-type": type },
      body,
    });
    expect(saved.status).toBe(201);
    expect(await saved.json()).toEqual({
      saved: expect.arrayContaining([a!.arxivId, b!.arxivId]),
      alreadySaved: [],
      unknown: ["2401.99999"],
    });

    const listed = await (await call(libraryRoute.GET, "/api/library?sort=title", { headers: { cookie: reader.cookie } })).json();
    expect(listed.total).toBe(2);
    expect(listed.tags).toEqual([{ name: "Reading", count: 2 }]);
    expect(listed.items[0]).toMatchObject({ tags: ["Reading"], paper: { arxivId: expect.any(String), title: expect.any(String) } });

    const retagged = await call(itemRoute.POST, `/api/library/${a!.arxivId}`, {
      method: "POST",
      headers: { cookie: reader.cookie, ...{ "content-type": "application/json" } },
      body: JSON.stringify({ tags: ["Thesis"] }),
      context: itemContext(a!.arxivId),
    });
    expect(await retagged.json()).toEqual({ arxivId: a!.arxivId, tags: ["Thesis"] });

    const removed = await call(itemRoute.DELETE, `/api/library/${b!.arxivId}`, {
      method: "DELETE",
      headers: { cookie: reader.cookie },
      context: itemContext(b!.arxivId),
    });
    expect(await removed.json()).toEqual({ arxivId: b!.arxivId, removed: true });
    const crossDelete = await call(itemRoute.DELETE, `/api/library/${a!.arxivId}`, {
      method: "DELETE",
      headers: { cookie: reader.cookie, origin: "https://evil.example" },
      context: itemContext(a!.arxivId),
    });
    expect(crossDelete.status).toBe(403);
    expect(await db.libraryItem.count({ where: { readerId: reader.id } })).toBe(1);
  });

  it("works with a personal API token, stored hashed, until it is revoked", async () => {
    const reader = await newReader();
    const token = await createApiToken(reader.id, "script");
    expect(token).toMatch(/^pp_[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/);
    const row = await db.readerApiToken.findFirstOrThrow({ where: { readerId: reader.id } });
    expect(JSON.stringify(row)).not.toContain(token.split(".")[1]);
    const [paper] = await db.paper.findMany({ select: { arxivId: true }, take: 1 });
    const headers = { authorization: `Bearer ${token}`, origin: "https://anywhere.example", "content-type": "application/json" };
    const saved = await call(libraryRoute.POST, "/api/library", {
      method: "POST",
      headers,
      body: JSON.stringify({ arxivIds: [paper!.arxivId] }),
    });
    expect(saved.status).toBe(201);
    await revokeApiToken(reader.id, row.id);
    expect((await call(libraryRoute.GET, "/api/library", { headers })).status).toBe(401);
  });

  it("answers bad input with a 400 and the fields, never a 500", async () => {
    const reader = await newReader();
    const headers = { cookie: reader.cookie, "content-type": "application/json" };
    const cases: [string, RequestInit][] = [
      ["not json", { method: "POST", headers, body: "{oops" }],
      ["wrong type", { method: "POST", headers: { cookie: reader.cookie, "content-type": "text/plain" }, body: "{}" }],
      ["empty", { method: "POST", headers, body: JSON.stringify({ arxivIds: [] }) }],
      ["bad id", { method: "POST", headers, body: JSON.stringify({ arxivIds: ["hello"] }) }],
      ["bad tag", { method: "POST", headers, body: JSON.stringify({ arxivIds: ["2502.03387"], tags: ["a,b"] }) }],
      ["too many", { method: "POST", headers, body: JSON.stringify({ arxivIds: Array.from({ length: 1001 }, () => "2502.03387") }) }],
    ];
    for (const [label, init] of cases) {
      const response = await call(libraryRoute.POST, "/api/library", init);
      expect(response.status, label).toBe(400);
      expect((await response.json()).error.code, label).toBe("bad_request");
    }
    const badQuery = await call(libraryRoute.GET, "/api/library?limit=0&sort=x", { headers });
    expect((await badQuery.json()).error.fields).toMatchObject({ limit: expect.any(Array), sort: expect.any(Array) });
    expect((await call(libraryRoute.GET, "/api/library?cursor=zzz", { headers })).status).toBe(400);
  });
});

describe("exports", () => {
  it("exports the library or one tag as BibTeX", async () => {
    const reader = await newReader();
    const papers = await db.paper.findMany({ select: { arxivId: true }, take: 3 });
    await savePapers(
      reader.id,
      papers.map((paper) => paper.arxivId),
    );
    await addTags(reader.id, [papers[0]!.arxivId], ["one"]);
    const all = await call(bibtexRoute.GET, "/api/library/bibtex", { headers: { cookie: reader.cookie } });
    expect(all.headers.get("content-type")).toBe("application/x-bibtex; charset=utf-8");
    expect(all.headers.get("content-disposition")).toContain("paperpulse-library.bib");
    const text = await all.text();
    expect(text.match(/@misc\{/g)).toHaveLength(3);
    for (const paper of papers) expect(text).toContain(`eprint={${paper.arxivId}}`);
    expect(text).toContain("archivePrefix={arXiv}");
    const one = await (await call(bibtexRoute.GET, "/api/library/bibtex?tag=ONE", { headers: { cookie: reader.cookie } })).text();
    expect(one.match(/@misc\{/g)).toHaveLength(1);
    expect(one).toContain(`eprint={${papers[0]!.arxivId}}`);
  });

  it("exports all of a reader's data as JSON, without secrets", async () => {
    const reader = await newReader();
    const [paper] = await db.paper.findMany({ select: { arxivId: true }, take: 1 });
    await savePapers(reader.id, [paper!.arxivId]);
    await ratePaper(reader.id, paper!.arxivId, "more");
    await createApiToken(reader.id, "laptop");
    const response = await call(exportRoute.GET, "/api/account/export", { headers: { cookie: reader.cookie } });
    const data = await response.json();
    expect(data.account.email).toBe(reader.email);
    expect(data.library).toEqual([expect.objectContaining({ arxivId: paper!.arxivId, tags: [] })]);
    expect(data.ratings).toEqual([expect.objectContaining({ arxivId: paper!.arxivId, rating: "more" })]);
    expect(data.apiTokens).toEqual([expect.objectContaining({ name: "laptop" })]);
    expect(JSON.stringify(data)).not.toMatch(/secret|Hash/i);
  });
});

describe("deleting an account", () => {
  it("leaves no row behind and takes back the reader's upvotes", async () => {
    const reader = await newReader();
    await db.subscriber.create({
      data: { email: reader.email, status: "active", topics: { create: [{ kind: "keyword", value: "x", position: 0 }] } },
    });
    const [paper] = await db.paper.findMany({ select: { id: true, arxivId: true, upvoteCount: true }, take: 1, skip: 5 });
    await savePapers(reader.id, [paper!.arxivId]);
    await addTags(reader.id, [paper!.arxivId], ["gone"]);
    await ratePaper(reader.id, paper!.arxivId, "less");
    await setUpvote(paper!.arxivId, { hash: readerVoterHash(reader.id), networkKey: `reader:${reader.id}` }, true, reader.id);
    await createApiToken(reader.id, "t");
    await db.libraryImportPending.create({ data: { readerId: reader.id, arxivId: "2501.00001" } });
    await db.signInToken.create({
      data: { id: randomBytes(12).toString("base64url"), email: reader.email, secretHash: randomBytes(32), expiresAt: new Date() },
    });

    await deleteReader(reader.id);
    const left = await db.$queryRaw<{ rows: number }[]>`
      SELECT (SELECT count(*) FROM reader WHERE id = ${reader.id}) + (SELECT count(*) FROM reader_session WHERE reader_id = ${reader.id})
           + (SELECT count(*) FROM reader_api_token WHERE reader_id = ${reader.id}) + (SELECT count(*) FROM library_item WHERE reader_id = ${reader.id})
           + (SELECT count(*) FROM library_tag WHERE reader_id = ${reader.id}) + (SELECT count(*) FROM library_item_tag WHERE reader_id = ${reader.id})
           + (SELECT count(*) FROM paper_rating WHERE reader_id = ${reader.id}) + (SELECT count(*) FROM library_import_pending WHERE reader_id = ${reader.id})
           + (SELECT count(*) FROM upvote WHERE reader_id = ${reader.id} OR voter_hash = ${readerVoterHash(reader.id)})
           + (SELECT count(*) FROM subscriber WHERE email = ${reader.email}) + (SELECT count(*) FROM sign_in_token WHERE email = ${reader.email})
           + (SELECT count(*) FROM subscriber_topic st WHERE NOT EXISTS (SELECT 1 FROM subscriber s WHERE s.id = st.subscriber_id)) AS rows`;
    expect(Number(left[0]!.rows)).toBe(0);
    expect((await db.paper.findUniqueOrThrow({ where: { id: paper!.id }, select: { upvoteCount: true } })).upvoteCount).toBe(
      paper!.upvoteCount,
    );
  });
});
