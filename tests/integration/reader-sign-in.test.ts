import { randomBytes } from "node:crypto";

import type { ParsedMail } from "mailparser";
import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { startSmtpSink } from "../support/smtp-sink";

// SMTP_URL has to be set before lib/env.ts is first imported.
const sink = await startSmtpSink();
process.env.SMTP_URL = sink.url;

const { db } = await import("@/lib/db");
const { closeMailer } = await import("@/lib/mail/send-mail");
const { requestSignInLink } = await import("@/lib/readers/request-sign-in-link");
const { checkSignInToken, completeSignIn } = await import("@/lib/readers/complete-sign-in");
const { readSession, endAllSessions } = await import("@/lib/readers/sessions");
const { readerVoterHash } = await import("@/lib/readers/reader-voter");
const { setUpvote } = await import("@/lib/papers/upvote-paper");
const { issueVoterToken, voterHashFromToken } = await import("@/lib/papers/voter-token");
const signInRoute = await import("@/app/api/auth/sign-in/route");
const signOutRoute = await import("@/app/api/auth/sign-out/route");

afterAll(async () => {
  closeMailer();
  await sink.close();
});

let seen = 0;
beforeEach(() => {
  seen = sink.messages.length;
});

const uniqueEmail = () => `reader-${randomBytes(6).toString("hex")}@example.org`;
const uniqueIp = () => `203.0.113.${randomBytes(4).toString("hex")}`;
const MINUTE = 60_000;

async function nextMail(): Promise<ParsedMail> {
  await sink.waitForMessages(seen + 1);
  return sink.messages[seen++]!;
}

async function linkToken(email: string): Promise<string> {
  await requestSignInLink(email, { ip: uniqueIp() });
  const mail = await nextMail();
  const match = /<(http:\/\/localhost:3000\/sign-in\/confirm\?token=[^>]+)>/.exec(mail.text ?? "");
  if (!match) throw new Error(`No sign-in link in:\n${mail.text}`);
  return new URL(match[1]!).searchParams.get("token")!;
}

async function signIn(email = uniqueEmail()) {
  const result = await completeSignIn(await linkToken(email));
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return { email, ...result };
}

function post(
  route: { POST: (request: Request, context: undefined) => Promise<Response> },
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return route.POST(
    new Request(`http://localhost:3000${path}`, {
      method: "POST",
      headers: { origin: "http://localhost:3000", ...headers },
      body: new URLSearchParams(fields),
    }),
    undefined,
  );
}

describe("asking for a sign-in link", () => {
  it("emails the same link to known and unknown addresses and creates no account until it is used", async () => {
    const known = (await signIn()).email;
    const unknown = uniqueEmail();
    for (const email of [known, unknown]) {
      await expect(requestSignInLink(email, { ip: uniqueIp() })).resolves.toBeUndefined();
      const mail = await nextMail();
      expect(mail.to).toMatchObject({ value: [{ address: email }] });
      expect(mail.subject).toBe("Sign in to PaperPulse");
      expect(mail.text).toContain("expires in 15 minutes");
    }
    expect(await db.reader.count({ where: { email: unknown } })).toBe(0);
  });

  it("stores only a hash of a token of at least 128 random bits", async () => {
    const email = uniqueEmail();
    const token = await linkToken(email);
    const [id, secret] = token.split(".");
    expect(Buffer.from(secret!, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const row = await db.signInToken.findUniqueOrThrow({ where: { id: id! } });
    expect(row.email).toBe(email);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(Buffer.from(row.secretHash).toString("base64url")).not.toBe(secret);
  });

  it("is rate limited per address and per IP, with the same answer for every address", async () => {
    const email = uniqueEmail();
    for (let i = 0; i < 5; i++) await requestSignInLink(email, { ip: uniqueIp() });
    await expect(requestSignInLink(email, { ip: uniqueIp() })).rejects.toMatchObject({ status: 429 });
    const ip = uniqueIp();
    for (let i = 0; i < 10; i++) await requestSignInLink(uniqueEmail(), { ip });
    await expect(requestSignInLink(uniqueEmail(), { ip })).rejects.toMatchObject({ status: 429 });
    await sink.waitForMessages(seen + 15);
    seen = sink.messages.length;
  });
});

describe("using a sign-in link", () => {
  it("shows the page without spending the link, then signs in once; a reuse is refused", async () => {
    const email = uniqueEmail();
    const token = await linkToken(email);
    expect(await checkSignInToken(token)).toMatchObject({ ok: true, email });
    expect(await checkSignInToken(token)).toMatchObject({ ok: true, email });
    const first = await completeSignIn(token);
    expect(first.ok).toBe(true);
    expect(await completeSignIn(token)).toEqual({ ok: false, reason: "used" });
    expect(await checkSignInToken(token)).toEqual({ ok: false, reason: "used" });
    const reader = await db.reader.findUniqueOrThrow({ where: { email } });
    expect(first.ok && first.readerId).toBe(reader.id);
  });

  it("refuses an expired link", async () => {
    const token = await linkToken(uniqueEmail());
    const later = new Date(Date.now() + 16 * MINUTE);
    expect(await checkSignInToken(token, later)).toEqual({ ok: false, reason: "expired" });
    expect(await completeSignIn(token, {}, later)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses forged links as invalid, whatever part was forged", async () => {
    const token = await linkToken(uniqueEmail());
    const [id, secret] = token.split(".") as [string, string];
    const flipped = `${secret.slice(0, -1)}${secret.endsWith("A") ? "B" : "A"}`;
    for (const forged of [`${id}.${flipped}`, `${randomBytes(12).toString("base64url")}.${secret}`, id, `${token}x`, "", "../../etc"]) {
      expect(await completeSignIn(forged)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await completeSignIn(token)).toMatchObject({ ok: true });
  });

  it("signs in once when the same link is used concurrently", async () => {
    const email = uniqueEmail();
    const token = await linkToken(email);
    const results = await Promise.all(Array.from({ length: 6 }, () => completeSignIn(token)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).every((result) => !result.ok && result.reason === "used")).toBe(true);
    const reader = await db.reader.findUniqueOrThrow({ where: { email } });
    expect(await db.readerSession.count({ where: { readerId: reader.id } })).toBe(1);
  });

  it("makes one reader with a session per device when two links are used at the same time", async () => {
    const email = uniqueEmail();
    const tokens = [await linkToken(email), await linkToken(email)];
    const results = await Promise.all(tokens.map((token) => completeSignIn(token)));
    expect(results.every((result) => result.ok)).toBe(true);
    const readers = await db.reader.findMany({ where: { email } });
    expect(readers).toHaveLength(1);
    expect(await db.readerSession.count({ where: { readerId: readers[0]!.id } })).toBe(2);
  });

  it("is the same person as the digest subscriber with that address", async () => {
    const email = uniqueEmail();
    await db.subscriber.create({ data: { email, status: "active", confirmedAt: new Date() } });
    await signIn(email);
    expect(await db.reader.count({ where: { email } })).toBe(1);
    expect(await db.subscriber.findUniqueOrThrow({ where: { email }, select: { status: true } })).toEqual({ status: "active" });
  });
});

describe("sessions", () => {
  it("resists fixation: a session the browser had before is ended, and an invented one never works", async () => {
    const { email, sessionToken: planted } = await signIn();
    const invented = `${randomBytes(12).toString("base64url")}.${randomBytes(32).toString("base64url")}`;
    expect(await readSession(invented)).toBeNull();
    const result = await completeSignIn(await linkToken(email), { previousSessionToken: planted });
    expect(result.ok && result.sessionToken).not.toBe(planted);
    expect(await readSession(planted)).toBeNull();
    expect(await readSession(result.ok ? result.sessionToken : undefined)).toMatchObject({ email });
  });

  it("slides its expiry forward with use and ends after 30 idle days", async () => {
    const { sessionToken } = await signIn();
    const start = (await readSession(sessionToken))!.expiresAt;
    const in2Hours = new Date(Date.now() + 120 * MINUTE);
    const touched = (await readSession(sessionToken, in2Hours))!.expiresAt;
    expect(touched.getTime()).toBeGreaterThan(start.getTime() + 100 * MINUTE);
    // Within the hour after a touch a read changes nothing, so the new end stands.
    expect((await readSession(sessionToken, new Date(in2Hours.getTime() + 10 * MINUTE)))!.expiresAt).toEqual(touched);
    expect(await readSession(sessionToken, new Date(touched.getTime() + MINUTE))).toBeNull();
  });

  it("signs in through the button's form post with an HttpOnly, SameSite=Lax cookie", async () => {
    const email = uniqueEmail();
    const token = await linkToken(email);
    const response = await post(signInRoute, "/api/auth/sign-in", { token, next: "/papers/2502.03387" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://localhost:3000/papers/2502.03387?signed-in=1");
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^pp_session=[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
    const session = decodeURIComponent(/^pp_session=([^;]+)/.exec(cookie)![1]!);
    expect(await readSession(session)).toMatchObject({ email });

    const again = await post(signInRoute, "/api/auth/sign-in", { token });
    expect(again.headers.get("location")).toContain("/sign-in/confirm?token=");
    expect(again.headers.get("set-cookie")).toBeNull();
  });

  it("sends a sign-in to the library, never off the site", async () => {
    for (const next of ["//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)"]) {
      const response = await post(signInRoute, "/api/auth/sign-in", { token: await linkToken(uniqueEmail()), next });
      expect(response.headers.get("location")).toBe("http://localhost:3000/library?signed-in=1");
    }
  });

  it("refuses cross-site POSTs to sign in and out", async () => {
    const token = await linkToken(uniqueEmail());
    const refused = await post(signInRoute, "/api/auth/sign-in", { token }, { origin: "https://evil.example" });
    expect(refused.status).toBe(403);
    expect(await checkSignInToken(token)).toMatchObject({ ok: true });

    const { sessionToken } = await signIn();
    const signOut = await post(
      signOutRoute,
      "/api/auth/sign-out",
      { everywhere: "1" },
      { origin: "https://evil.example", cookie: `pp_session=${sessionToken}` },
    );
    expect(signOut.status).toBe(403);
    expect(await readSession(sessionToken)).not.toBeNull();
  });

  it("signs out this browser, or everywhere", async () => {
    const { email, sessionToken: laptop } = await signIn();
    const phone = await completeSignIn(await linkToken(email));
    const tablet = await completeSignIn(await linkToken(email));
    if (!phone.ok || !tablet.ok) throw new Error("sign-in failed");

    const response = await post(signOutRoute, "/api/auth/sign-out", {}, { cookie: `pp_session=${laptop}` });
    expect(response.status).toBe(303);
    expect(response.headers.get("set-cookie")).toMatch(/pp_session=;.*Max-Age=0/i);
    expect(await readSession(laptop)).toBeNull();
    expect(await readSession(phone.sessionToken)).not.toBeNull();

    await post(signOutRoute, "/api/auth/sign-out", { everywhere: "1" }, { cookie: `pp_session=${phone.sessionToken}` });
    expect(await readSession(phone.sessionToken)).toBeNull();
    expect(await readSession(tablet.sessionToken)).toBeNull();
    expect(await endAllSessions(phone.readerId)).toBe(0);
  });
});

describe("what a browser did before signing in", () => {
  it("carries the browser's anonymous upvotes over to the reader without counting any twice", async () => {
    const [a, b] = await db.paper.findMany({ select: { id: true, arxivId: true }, orderBy: { id: "asc" }, take: 2, skip: 10 });
    const { email, readerId } = await signIn();
    await setUpvote(a!.arxivId, { hash: readerVoterHash(readerId), networkKey: `reader:${readerId}` }, true, readerId);
    const browser = voterHashFromToken(issueVoterToken())!;
    await setUpvote(a!.arxivId, { hash: browser, networkKey: "192.0.2.0/24" }, true);
    await setUpvote(b!.arxivId, { hash: browser, networkKey: "192.0.2.0/24" }, true);
    const before = await db.paper.findMany({
      where: { id: { in: [a!.id, b!.id] } },
      select: { id: true, upvoteCount: true },
      orderBy: { id: "asc" },
    });

    await completeSignIn(await linkToken(email), { browserVoterHash: browser });
    const after = await db.paper.findMany({
      where: { id: { in: [a!.id, b!.id] } },
      select: { id: true, upvoteCount: true },
      orderBy: { id: "asc" },
    });
    expect(after[0]!.upvoteCount).toBe(before[0]!.upvoteCount - 1);
    expect(after[1]!.upvoteCount).toBe(before[1]!.upvoteCount);
    expect(await db.upvote.count({ where: { voterHash: browser } })).toBe(0);
    expect(await db.upvote.count({ where: { readerId } })).toBe(2);
  });

  it("saves the papers kept in the browser into the library", async () => {
    const papers = await db.paper.findMany({ select: { id: true, arxivId: true }, take: 3 });
    const { readerId } = await completeSignIn(await linkToken(uniqueEmail()), {
      pendingArxivIds: [...papers.map((paper) => paper.arxivId), "2401.99999"],
    }).then((result) => {
      if (!result.ok) throw new Error(result.reason);
      return result;
    });
    expect(await db.libraryItem.count({ where: { readerId } })).toBe(3);
  });
});
