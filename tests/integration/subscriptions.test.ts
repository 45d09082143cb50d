import { randomBytes } from "node:crypto";

import type { ParsedMail } from "mailparser";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { startSmtpSink } from "../support/smtp-sink";

// Mail goes over real SMTP to a local server: SMTP_URL has to be set before lib/env.ts is first
// imported, so everything from lib/ is imported after it.
const sink = await startSmtpSink();
process.env.SMTP_URL = sink.url;

const { db } = await import("@/lib/db");
const { closeMailer } = await import("@/lib/mail/send-mail");
const { subscribe } = await import("@/lib/subscribers/subscribe");
const { confirmSubscription } = await import("@/lib/subscribers/confirm-subscription");
const { checkToken } = await import("@/lib/subscribers/check-token");
const { getSubscriptionByToken } = await import("@/lib/subscribers/get-subscription");
const { updatePreferences } = await import("@/lib/subscribers/update-preferences");
const { setPaused } = await import("@/lib/subscribers/set-paused");
const { deleteSubscriber } = await import("@/lib/subscribers/delete-subscriber");
const { subscriptionSchema } = await import("@/lib/subscribers/subscription-input");
const subscriptionsRoute = await import("@/app/api/subscriptions/route");
const unsubscribeRoute = await import("@/app/api/subscriptions/unsubscribe/route");
const previewRoute = await import("@/app/api/subscriptions/preview/route");

afterAll(async () => {
  closeMailer();
  await sink.close();
});

let sent = 0;
beforeEach(() => {
  sent = sink.messages.length;
});

const uniqueEmail = () => `reader-${randomBytes(6).toString("hex")}@example.org`;
// A valid address of its own per request, so no test spends another's rate limit.
const uniqueIp = () => `2001:db8::${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;

/** The next email the SMTP server receives. */
async function nextMail(): Promise<ParsedMail> {
  await sink.waitForMessages(sent + 1);
  return sink.messages[sent++]!;
}

/** A header exactly as it came over the wire (mailparser restructures the List-* ones). */
function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(":") + 1)
    .replace(/\r?\n[ \t]+/g, " ")
    .trim();
}

function linkIn(mail: ParsedMail, path: string): URL {
  const match = new RegExp(`<(http://localhost:3000${path}\\?token=[^>]+)>`).exec(mail.text ?? "");
  if (!match) throw new Error(`No ${path} link in:\n${mail.text}`);
  return new URL(match[1]!);
}

function postSubscription(body: unknown, headers: Record<string, string> = {}) {
  return subscriptionsRoute.POST(
    new Request("http://localhost:3000/api/subscriptions", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": uniqueIp(), ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    undefined,
  );
}

async function subscribeAndConfirm(email = uniqueEmail()) {
  await subscribe(subscriptionSchema.parse({ email, topics: ["diffusion"] }), { ip: uniqueIp() });
  const token = linkIn(await nextMail(), "/subscribe/confirm").searchParams.get("token")!;
  const confirmed = await confirmSubscription(token);
  if (!confirmed.ok) throw new Error(`confirmation failed: ${confirmed.reason}`);
  return { email, manageToken: confirmed.manageToken };
}

describe("subscribing", () => {
  it("sends one confirmation email with HTML and text parts and an absolute single-use link", async () => {
    const email = uniqueEmail();
    const input = subscriptionSchema.parse({
      email: `  ${email.toUpperCase()} `,
      frequency: "weekly",
      weekday: 3,
      topics: ["diffusion <b>models</b>"],
      categories: ["cs.lg"],
    });
    await subscribe(input, { ip: uniqueIp() });

    const mail = await nextMail();
    expect(mail.to).toMatchObject({ value: [{ address: email }] });
    expect(mail.from?.value[0]?.address).toBe("digest@paperpulse.localhost");
    expect(mail.subject).toBe("Confirm your PaperPulse subscription");
    expect(mail.messageId).toMatch(/^<.+@.+>$/);
    // Only confirmed subscribers get list headers; nothing to unsubscribe from yet.
    expect(rawHeader(mail, "List-Unsubscribe")).toBeUndefined();

    const link = linkIn(mail, "/subscribe/confirm");
    const token = link.searchParams.get("token")!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/);
    expect(mail.html).toContain(`href="${link.toString()}"`);
    expect(mail.text).toContain("a weekly digest (Wednesdays)");
    expect(mail.html).toContain("a weekly digest (Wednesdays)");
    expect(mail.text).toContain("expires in 48 hours");
    // What a stranger typed into the form never reaches the inbox.
    expect(mail.html).not.toContain("diffusion");
    expect(mail.text).not.toContain("diffusion");

    const subscriber = await db.subscriber.findUniqueOrThrow({ where: { email }, include: { topics: true, tokens: true } });
    expect(subscriber).toMatchObject({ status: "pending", frequency: "weekly", weekday: 3 });
    expect(subscriber.topics.map((topic) => topic.value).sort()).toEqual(["cs.LG", "diffusion <b>models</b>"]);
    const [stored] = subscriber.tokens;
    expect(stored?.purpose).toBe("confirm");
    expect(Buffer.from(stored!.secretHash).toString("hex")).not.toContain(Buffer.from(token.split(".")[1]!).toString("hex"));
    expect(JSON.stringify(subscriber.tokens)).not.toContain(token.split(".")[1]!);

    const confirmed = await confirmSubscription(token);
    expect(confirmed.ok).toBe(true);
    expect(await db.subscriber.findUniqueOrThrow({ where: { email }, select: { status: true } })).toEqual({ status: "active" });
    expect(await confirmSubscription(token)).toEqual({ ok: false, reason: "used" });
  });

  it("refuses an expired confirmation link and leaves the address unconfirmed", async () => {
    const email = uniqueEmail();
    await subscribe(subscriptionSchema.parse({ email }), { ip: uniqueIp() });
    const token = linkIn(await nextMail(), "/subscribe/confirm").searchParams.get("token")!;
    await db.subscriberToken.updateMany({ where: { subscriber: { email } }, data: { expiresAt: new Date(Date.now() - 1_000) } });

    expect(await confirmSubscription(token)).toEqual({ ok: false, reason: "expired" });
    expect(await db.subscriber.findUniqueOrThrow({ where: { email }, select: { status: true } })).toEqual({ status: "pending" });
  });

  it("treats forged, altered and malformed tokens as invalid, and a token only works for its purpose", async () => {
    const email = uniqueEmail();
    await subscribe(subscriptionSchema.parse({ email }), { ip: uniqueIp() });
    const token = linkIn(await nextMail(), "/subscribe/confirm").searchParams.get("token")!;
    const [id, secret] = token.split(".") as [string, string];
    const flipped = `${secret.slice(0, -1)}${secret.endsWith("A") ? "B" : "A"}`;

    for (const forged of [
      `${randomBytes(12).toString("base64url")}.${randomBytes(32).toString("base64url")}`,
      `${id}.${flipped}`,
      `${id}.${randomBytes(32).toString("base64url")}`,
      token.slice(0, -1),
      `${token}x`,
      "",
      "../../etc/passwd",
      undefined,
    ]) {
      expect(await confirmSubscription(forged)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await checkToken(token, ["manage", "unsubscribe"])).toEqual({ ok: false, reason: "invalid" });
    expect(await db.subscriber.findUniqueOrThrow({ where: { email }, select: { status: true } })).toEqual({ status: "pending" });
    expect((await confirmSubscription(token)).ok).toBe(true);
  });

  it("answers a subscribed address exactly like a new one, keeps its settings and emails the owner instead", async () => {
    const { email } = await subscribeAndConfirm();
    const newcomer = await postSubscription({ email: uniqueEmail(), topics: ["graph neural networks"] });
    await nextMail();
    const again = await postSubscription({ email, frequency: "weekly", topics: ["something else entirely"] });

    expect(again.status).toBe(202);
    expect(again.status).toBe(newcomer.status);
    expect(await again.json()).toEqual(await newcomer.json());
    expect([...again.headers.keys()].sort()).toEqual([...newcomer.headers.keys()].sort());

    const mail = await nextMail();
    expect(mail.subject).toBe("You're already subscribed to PaperPulse");
    expect(mail.text).not.toContain("something else entirely");
    const manage = linkIn(mail, "/subscriptions/manage");
    expect(mail.html).toContain(`href="${manage.toString()}"`);
    expect(rawHeader(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

    const lookup = await getSubscriptionByToken(manage.searchParams.get("token")!, ["manage"]);
    expect(lookup.ok && lookup.subscription).toMatchObject({ email, frequency: "daily", topics: ["diffusion"], status: "active" });
  });

  it("resends a fresh confirmation to an address that never confirmed, and both links stop once one is used", async () => {
    const email = uniqueEmail();
    await subscribe(subscriptionSchema.parse({ email }), { ip: uniqueIp() });
    const first = linkIn(await nextMail(), "/subscribe/confirm").searchParams.get("token")!;
    await subscribe(subscriptionSchema.parse({ email, maxPapers: 5 }), { ip: uniqueIp() });
    const second = linkIn(await nextMail(), "/subscribe/confirm").searchParams.get("token")!;

    expect((await confirmSubscription(second)).ok).toBe(true);
    expect((await confirmSubscription(first)).ok).toBe(false);
  });

  it("keeps a pending subscription's topics when the address is signed up again before it is confirmed", async () => {
    const email = uniqueEmail();
    await subscribe(subscriptionSchema.parse({ email, topics: ["diffusion"], authors: ["Louis Kirsch"] }), { ip: uniqueIp() });
    await nextMail();
    await subscribe(subscriptionSchema.parse({ email, frequency: "weekly", maxPapers: 50, topics: ["something else entirely"] }), {
      ip: uniqueIp(),
    });
    const second = linkIn(await nextMail(), "/subscribe/confirm").searchParams.get("token")!;

    // The page behind the new link shows what it confirms: the first sign-up's choices.
    const lookup = await getSubscriptionByToken(second, ["confirm"]);
    expect(lookup.ok && lookup.subscription).toMatchObject({
      frequency: "daily",
      maxPapers: 10,
      topics: ["diffusion"],
      authors: ["Louis Kirsch"],
    });
    expect((await confirmSubscription(second)).ok).toBe(true);
    const confirmed = await db.subscriber.findUniqueOrThrow({
      where: { email },
      select: { frequency: true, maxPapers: true, topics: { select: { value: true } } },
    });
    expect(confirmed).toEqual({ frequency: "daily", maxPapers: 10, topics: [{ value: "diffusion" }, { value: "Louis Kirsch" }] });
  });

  it("answers for a known and an unknown address before touching any subscriber data", async () => {
    const { email: known } = await subscribeAndConfirm();
    const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    try {
      // While nothing can read or write subscribers, both answers must still come: neither path
      // does membership-dependent work before answering, so neither can be told apart by time.
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE subscriber IN ACCESS EXCLUSIVE MODE");
      const answers = Promise.all([postSubscription({ email: known }), postSubscription({ email: uniqueEmail() })]);
      const blocked = new Promise<"blocked">((resolve) => setTimeout(() => resolve("blocked"), 5_000));
      const outcome = await Promise.race([answers, blocked]);
      expect(outcome === "blocked" ? outcome : outcome.map((response) => response.status)).toEqual([202, 202]);
    } finally {
      await locker.query("ROLLBACK");
      await locker.end();
    }
    // The work goes on after the answer: the known address gets its manage link, the new one its confirmation.
    await sink.waitForMessages(sent + 2);
    const subjects = sink.messages.slice(sent, sent + 2).map((mail) => mail.subject);
    sent += 2;
    expect(subjects.sort()).toEqual(["Confirm your PaperPulse subscription", "You're already subscribed to PaperPulse"].sort());
  });

  it("limits an address to three requests an hour and an IP to ten, with 429 and Retry-After", async () => {
    const email = uniqueEmail();
    for (let attempt = 0; attempt < 3; attempt++) expect((await postSubscription({ email })).status).toBe(202);
    const limited = await postSubscription({ email });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate_limited");

    const ip = uniqueIp();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      statuses.push((await postSubscription({ email: uniqueEmail() }, { "x-forwarded-for": ip })).status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
    await sink.waitForMessages(sent + 13);
    sent += 13;
  });

  it("answers 400 with a message per field for bad input, and stores nothing", async () => {
    const before = await db.subscriber.count();
    const cases: [unknown, string][] = [
      [{}, "email"],
      [{ email: "not-an-address" }, "email"],
      [{ email: `${"a".repeat(250)}@example.org` }, "email"],
      [{ email: `${"a".repeat(65)}@example.org` }, "email"],
      [{ email: uniqueEmail(), frequency: "hourly" }, "frequency"],
      [{ email: uniqueEmail(), topics: Array.from({ length: 11 }, (_, index) => `topic ${index}`) }, "topics"],
      [{ email: uniqueEmail(), topics: ["x".repeat(201)] }, "topics.0"],
      [{ email: uniqueEmail(), topics: "diffusion" }, "topics"],
      [{ email: uniqueEmail(), categories: ["not a category!"] }, "categories.0"],
      [{ email: uniqueEmail(), authors: [""] }, "authors.0"],
      [{ email: uniqueEmail(), maxPapers: 500 }, "maxPapers"],
      [{ email: uniqueEmail(), timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    ];
    for (const [body, field] of cases) {
      const response = await postSubscription(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe("bad_request");
      expect(Object.keys(error.fields)).toContain(field);
    }
    expect((await postSubscription("{not json")).status).toBe(400);
    expect((await postSubscription(JSON.stringify({ email: uniqueEmail() }), { "content-type": "text/plain" })).status).toBe(400);
    expect(await db.subscriber.count()).toBe(before);
    expect(sink.messages.length).toBe(sent);
  });

  it("refuses a subscription posted from another site", async () => {
    const response = await postSubscription({ email: uniqueEmail() }, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect((await postSubscription({ email: uniqueEmail() }, { origin: "http://localhost:3000" })).status).toBe(202);
    await nextMail();
  });

  it("answers as for any address when the mail server refuses it for good, and queues nothing", async () => {
    const queued = await db.mailQueueItem.count();
    sink.rejectNextRecipient(550);
    const response = await postSubscription({ email: uniqueEmail() });
    expect(response.status).toBe(202);
    expect(await db.mailQueueItem.count()).toBe(queued);
    expect(sink.messages.length).toBe(sent);
  });
});

describe("unsubscribing", () => {
  async function listUnsubscribeUrl() {
    const { email } = await subscribeAndConfirm();
    await postSubscription({ email });
    const mail = await nextMail();
    const url = /^<(https?:\/\/[^>]+)>$/.exec(rawHeader(mail, "List-Unsubscribe") ?? "")?.[1];
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/subscriptions\/unsubscribe\?token=/);
    return { email, url: url! };
  }

  it("unsubscribes at once on an RFC 8058 one-click POST with no cookie or Origin, and again is still 200", async () => {
    const { email, url } = await listUnsubscribeUrl();
    const post = () =>
      unsubscribeRoute.POST(
        new Request(url, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "List-Unsubscribe=One-Click",
        }),
        undefined,
      );
    const response = await post();
    expect(response.status).toBe(200);
    const subscriber = await db.subscriber.findUniqueOrThrow({ where: { email }, select: { status: true, unsubscribedAt: true } });
    expect(subscriber.status).toBe("unsubscribed");
    expect(subscriber.unsubscribedAt).not.toBeNull();
    expect((await post()).status).toBe(200);
  });

  it("changes nothing on a GET of the one-click URL (link scanners) and sends people to the page with the button", async () => {
    const { email, url } = await listUnsubscribeUrl();
    const response = unsubscribeRoute.GET(new Request(url));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^http:\/\/localhost:3000\/unsubscribe\?token=/);
    expect(await db.subscriber.findUniqueOrThrow({ where: { email }, select: { status: true } })).toEqual({ status: "active" });
  });

  it("answers a one-click POST with a forged token with 404 and unsubscribes nobody", async () => {
    const { email, url } = await listUnsubscribeUrl();
    const forged = url.replace(
      /token=[^.]+\.(.*)$/,
      (_match, secret: string) => `token=${randomBytes(12).toString("base64url")}.${secret}`,
    );
    const response = await unsubscribeRoute.POST(new Request(forged, { method: "POST", body: "List-Unsubscribe=One-Click" }), undefined);
    expect(response.status).toBe(404);
    expect(await db.subscriber.findUniqueOrThrow({ where: { email }, select: { status: true } })).toEqual({ status: "active" });
  });
});

describe("managing", () => {
  it("updates topics and schedule, pauses and resumes, and deletes everything including kept mail", async () => {
    const { email, manageToken } = await subscribeAndConfirm();
    await updatePreferences(
      manageToken,
      subscriptionSchema.omit({ email: true }).parse({
        frequency: "weekly",
        weekday: 5,
        timeZone: "Europe/Berlin",
        maxPapers: 7,
        sendWhenQuiet: true,
        topics: ["protein folding"],
        authors: ["Demis Hassabis"],
      }),
    );
    let lookup = await getSubscriptionByToken(manageToken, ["manage"]);
    expect(lookup.ok && lookup.subscription).toMatchObject({
      frequency: "weekly",
      weekday: 5,
      timeZone: "Europe/Berlin",
      maxPapers: 7,
      sendWhenQuiet: true,
      topics: ["protein folding"],
      categories: [],
      authors: ["Demis Hassabis"],
      paused: null,
    });

    await setPaused(manageToken, true);
    await setPaused(manageToken, true);
    lookup = await getSubscriptionByToken(manageToken, ["manage"]);
    expect(lookup.ok && lookup.subscription.paused?.reason).toBe("requested");
    await setPaused(manageToken, false);
    lookup = await getSubscriptionByToken(manageToken, ["manage"]);
    expect(lookup.ok && lookup.subscription.paused).toBeNull();

    await db.outboxMessage.create({ data: { messageId: "<kept@test>", recipient: email, subject: "s", html: "h", text: "t", raw: "r" } });
    await deleteSubscriber(manageToken);
    await deleteSubscriber(manageToken).catch(() => {});
    expect(await db.subscriber.count({ where: { email } })).toBe(0);
    expect(await db.subscriberToken.count({ where: { subscriber: { email } } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { recipient: email } })).toBe(0);
    expect(await getSubscriptionByToken(manageToken, ["manage"])).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("topic preview", () => {
  it("lists seed papers matching any topic, saying which topics each matched", async () => {
    const response = await previewRoute.GET(
      new Request("http://localhost:3000/api/subscriptions/preview?topics=diffusion&categories=cs.CV&limit=5", {
        headers: { "x-forwarded-for": uniqueIp() },
      }),
      undefined,
    );
    expect(response.status).toBe(200);
    const { papers } = (await response.json()) as { papers: { matched: string[]; categories: string[]; title: string }[] };
    expect(papers.length).toBeGreaterThan(0);
    expect(papers.length).toBeLessThanOrEqual(5);
    for (const paper of papers) {
      expect(paper.matched.length).toBeGreaterThan(0);
      if (paper.matched.includes("cs.CV")) expect(paper.categories).toContain("cs.CV");
    }
  });

  it("shows the top trending papers, the digest of a subscriber with no topics, when none are given", async () => {
    const response = await previewRoute.GET(
      new Request("http://localhost:3000/api/subscriptions/preview?limit=3", { headers: { "x-forwarded-for": uniqueIp() } }),
      undefined,
    );
    const body = (await response.json()) as { trending: boolean; papers: { arxivId: string; matched: string[] }[] };
    const hottest = await db.paper.findMany({ select: { arxivId: true }, orderBy: [{ trendingScore: "desc" }, { id: "desc" }], take: 3 });
    expect(body.trending).toBe(true);
    expect(body.papers.map((paper) => paper.arxivId)).toEqual(hottest.map((paper) => paper.arxivId));
    expect(body.papers.every((paper) => paper.matched.length === 0)).toBe(true);
  });

  it("answers 400, saying why, for topics that could never match", async () => {
    for (const topic of ['"unclosed', "-", "cs.XX"]) {
      const response = await previewRoute.GET(
        new Request(`http://localhost:3000/api/subscriptions/preview?${new URLSearchParams({ topics: topic })}`, {
          headers: { "x-forwarded-for": uniqueIp() },
        }),
        undefined,
      );
      expect(response.status, topic).toBe(400);
      expect((await response.json()).error.fields["topics.0"].join(" "), topic).toContain(`“${topic}”`);
    }
  });

  it("answers 400 for a topic the search syntax cannot read", async () => {
    const response = await previewRoute.GET(
      new Request("http://localhost:3000/api/subscriptions/preview?topics=category:nonsense!", {
        headers: { "x-forwarded-for": uniqueIp() },
      }),
      undefined,
    );
    expect(response.status).toBe(400);
  });
});

describe("housekeeping", () => {
  it("forgets long-expired tokens and addresses never confirmed within a week, and keeps the rest", async () => {
    const { purgeStale } = await import("@/lib/subscribers/purge-stale");
    const stale = uniqueEmail();
    const fresh = uniqueEmail();
    await subscribe(subscriptionSchema.parse({ email: stale }), { ip: uniqueIp() });
    await subscribe(subscriptionSchema.parse({ email: fresh }), { ip: uniqueIp() });
    await sink.waitForMessages(sent + 2);
    sent += 2;
    const { email: confirmed, manageToken } = await subscribeAndConfirm();
    await db.$executeRaw`UPDATE subscriber SET updated_at = now() - interval '8 days' WHERE email IN (${stale}, ${confirmed})`;
    await db.$executeRaw`UPDATE subscriber_token SET expires_at = now() - interval '2 days' WHERE subscriber_id = (SELECT id FROM subscriber WHERE email = ${fresh})`;

    const purged = await purgeStale();
    expect(purged.subscribers).toBeGreaterThanOrEqual(1);
    expect(await db.subscriber.count({ where: { email: stale } })).toBe(0);
    expect(await db.subscriber.count({ where: { email: { in: [fresh, confirmed] } } })).toBe(2);
    expect(await db.subscriberToken.count({ where: { subscriber: { email: fresh } } })).toBe(0);
    expect((await checkToken(manageToken, ["manage"])).ok).toBe(true);
  });
});
