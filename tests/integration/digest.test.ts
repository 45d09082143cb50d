import type { ParsedMail } from "mailparser";
import { afterAll, describe, expect, it } from "vitest";

import { insertPapers, insertSubscriber, uniqueWord, type TestPaper, type TestSubscriber } from "../support/digest-fixtures";
import { startScriptedSmtp } from "../support/digest-smtp";

const sink = await startScriptedSmtp();
const { db } = await import("@/lib/db");
const { runDigest } = await import("@/lib/digest/run-digest");
const { NOTHING_NEW } = await import("@/lib/digest/build-digests");
const { createMailer } = await import("@/lib/mail/create-mailer");
const { checkToken } = await import("@/lib/subscribers/check-token");
const unsubscribeRoute = await import("@/app/api/subscriptions/unsubscribe/route");
const paperRoute = await import("@/app/api/papers/[...arxivId]/route");
const cronRoute = await import("@/app/api/cron/digest/route");

const mailer = createMailer({ from: "PaperPulse <digest@paperpulse.test>", smtpUrl: sink.url, maxConnections: 3 });
const paperIds: number[] = [];
const subscriberIds: number[] = [];

afterAll(async () => {
  mailer.close();
  await db.subscriber.deleteMany({ where: { id: { in: subscriberIds } } });
  await db.paper.deleteMany({ where: { id: { in: paperIds } } });
  await sink.close();
});

const HOUR = 3_600_000;
// A Tuesday, far from the seed papers' arrival, so only this file's papers are new.
const now = new Date("2030-01-08T09:00:00Z");
const hoursBefore = (hours: number, from = now) => new Date(from.getTime() - hours * HOUR);

async function papers(...rows: TestPaper[]) {
  const inserted = await insertPapers(db, rows);
  paperIds.push(...inserted.map((row) => row.id));
  return inserted;
}

async function subscriber(row: TestSubscriber) {
  const inserted = await insertSubscriber(db, row);
  subscriberIds.push(inserted.id);
  return inserted;
}

const run = (at: Date) => runDigest({ now: at, sendOnRelease: mailer.sendOnRelease, retry: { attempts: 1, backoffMs: 1 } });
const mailTo = (email: string): ParsedMail[] => sink.messages.filter((mail) => mail.text?.includes(`because ${email} subscribed`));
const deliveriesOf = (subscriberId: number) =>
  db.digestDelivery.findMany({ where: { subscriberId }, select: { status: true, periodKey: true, paperCount: true, lastError: true } });
const sentPapers = async (subscriberId: number) =>
  (
    await db.digestPaper.findMany({ where: { subscriberId, alsoTrending: false }, select: { paperId: true }, orderBy: { position: "asc" } })
  ).map((row) => row.paperId);

function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(":") + 1)
    .replace(/\r?\n[ \t]+/g, " ")
    .trim();
}

// One scenario, built once: new papers matching topics in different ways, and subscribers who
// should and should not get a digest.
const word = uniqueWord();
const author = `Zora ${uniqueWord("Q")}`;
const category = `${uniqueWord("q")}.LG`;
const [both, abstractOnly, categoryOnly, authorOnly, tooOld, unrelated] = await papers(
  { title: `Sparse ${word} transformers`, authors: [author, "Ada Example"], categories: [category], createdAt: hoursBefore(2), votes: 20 },
  {
    title: "Scaling laws revisited",
    abstract: `A study in which ${word} appears once, deep in the abstract of a long text about scaling.`,
    createdAt: hoursBefore(3),
  },
  { title: "Graph rewiring for message passing", categories: [category], createdAt: hoursBefore(4) },
  { title: "Optimal transport in one line", authors: ["Ada Example", author], createdAt: hoursBefore(5) },
  { title: `${word} from last week`, createdAt: hoursBefore(72) },
  { title: "Nothing to do with anyone", createdAt: hoursBefore(1) },
);
const reader = await subscriber({ keywords: [word], categories: [category], authors: [author], maxPapers: 3 });
const categoryReader = await subscriber({ categories: [category] });
const quietSkipped = await subscriber({ keywords: [uniqueWord()] });
const quietTrending = await subscriber({ keywords: [uniqueWord()], sendWhenQuiet: true, maxPapers: 2 });
const paused = await subscriber({ keywords: [word], paused: true });
const pending = await subscriber({ keywords: [word], status: "pending" });
const unsubscribed = await subscriber({ keywords: [word], status: "unsubscribed" });
const weeklyWednesday = await subscriber({ keywords: [word], frequency: "weekly", weekday: 3 });
const firstRun = await run(now);

describe("a digest run", () => {
  it("sends each due subscriber one email with their new matching papers, best first, capped at their maximum", async () => {
    expect(firstRun).toMatchObject({ complete: true, stoppedBecause: null });
    expect(firstRun.sent).toBeGreaterThanOrEqual(3);
    expect(mailTo(reader.email)).toHaveLength(1);
    // Title + category + author beats a followed author alone, which beats a keyword deep in an abstract.
    expect(await sentPapers(reader.id)).toEqual([both!.id, authorOnly!.id, abstractOnly!.id]);
    expect(await deliveriesOf(reader.id)).toEqual([{ status: "sent", periodKey: "2030-01-08", paperCount: 3, lastError: null }]);
    // Equal matches: the upvoted paper leads.
    expect(await sentPapers(categoryReader.id)).toEqual([both!.id, categoryOnly!.id]);
    const sentAsMatches = await db.digestPaper.findMany({
      where: { subscriberId: { in: [reader.id, categoryReader.id] }, paperId: { in: [tooOld!.id, unrelated!.id] }, alsoTrending: false },
    });
    expect(sentAsMatches).toEqual([]);
  });

  it("says why each paper was picked, in the subscriber's own order of topics", () => {
    const text = mailTo(reader.email)[0]!.text!;
    expect(text).toContain(`Matches: ${word}, ${category}, ${author}`);
    expect(text).toContain(`Matches: ${author}`);
    expect(text.indexOf(`Sparse ${word} transformers`)).toBeLessThan(text.indexOf("Optimal transport in one line"));
  });

  it("sends nothing when nothing new matched, unless the subscriber asked for trending papers on quiet days", async () => {
    expect(mailTo(quietSkipped.email)).toEqual([]);
    expect(await deliveriesOf(quietSkipped.id)).toEqual([
      { status: "skipped", periodKey: "2030-01-08", paperCount: 0, lastError: NOTHING_NEW },
    ]);
    const [quiet] = mailTo(quietTrending.email);
    expect(quiet?.subject).toMatch(/^Quiet day: 2 trending papers, led by “.+”$/);
    expect(await sentPapers(quietTrending.id)).toHaveLength(2);
  });

  it("never sends to paused, unconfirmed or unsubscribed readers, nor to weekly readers on another day", async () => {
    for (const { id, email } of [paused, pending, unsubscribed, weeklyWednesday]) {
      expect(mailTo(email)).toEqual([]);
      expect(await deliveriesOf(id)).toEqual([]);
    }
  });

  it("sends a weekly reader their digest on their day, covering the past week", async () => {
    const wednesday = new Date("2030-01-09T07:00:00Z");
    await run(wednesday);
    expect(mailTo(weeklyWednesday.email)).toHaveLength(1);
    expect(await deliveriesOf(weeklyWednesday.id)).toEqual([{ status: "sent", periodKey: "2030-W02", paperCount: 3, lastError: null }]);
    // A week back reaches the paper from three days before, which a first daily digest did not.
    const sent = await sentPapers(weeklyWednesday.id);
    expect(sent.toSorted()).toEqual([both!.id, abstractOnly!.id, tooOld!.id].toSorted());
  });

  it("does not send the same period twice when it runs again", async () => {
    const before = sink.messages.length;
    const again = await run(new Date(now.getTime() + HOUR));
    expect(sink.messages.filter((mail) => [reader.email, categoryReader.email].some((email) => mail.text?.includes(email)))).toHaveLength(
      2,
    );
    expect(mailTo(reader.email)).toHaveLength(1);
    expect(again.sent).toBe(sink.messages.length - before);
  });
});

describe("the next day's digest", () => {
  it("carries only papers that arrived since the last one, including one committed late, and none sent before", async () => {
    const topic = uniqueWord();
    const dayOne = new Date("2030-01-10T09:00:00Z");
    const dayTwo = new Date("2030-01-11T09:00:00Z");
    const daily = await subscriber({ keywords: [topic] });
    const [early] = await papers({ title: `Early ${topic} results`, createdAt: hoursBefore(0.5, dayOne) });
    await run(dayOne);
    expect(await sentPapers(daily.id)).toEqual([early!.id]);

    // Stamped before day one's run read the papers, but committed after it: the overlap catches it.
    const [late] = await papers({ title: `Late ${topic} results`, createdAt: hoursBefore(0.2, dayOne) });
    const [fresh] = await papers({ title: `Fresh ${topic} results`, createdAt: hoursBefore(2, dayTwo) });
    await run(dayTwo);
    const mails = mailTo(daily.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).not.toContain(`Early ${topic} results`);
    const [second] = await db.digestDelivery.findMany({ where: { subscriberId: daily.id, periodKey: "2030-01-11" }, select: { id: true } });
    const secondPapers = await db.digestPaper.findMany({
      where: { deliveryId: second!.id, alsoTrending: false },
      select: { paperId: true },
    });
    expect(secondPapers.map((row) => row.paperId).toSorted()).toEqual([fresh!.id, late!.id].toSorted());
  });
});

describe("the digest email", () => {
  const mail = () => mailTo(reader.email)[0]!;

  it("has a subject naming the top paper and the count, an HTML part and a real text part", () => {
    expect(mail().subject).toBe(`3 new papers for you, led by “Sparse ${word} transformers”`);
    expect(mail().html).toContain("<!doctype html>");
    expect(mail().html).toContain('name="color-scheme"');
    expect(mail().html).not.toMatch(/<img|<script|src="http/i);
    expect(mail().text).toContain("Also trending");
    expect(mail().text).not.toMatch(/<\/?(p|a|td|div|table)\b/);
  });

  it("carries the one-click unsubscribe pair, a stable Message-ID and a per-digest entity id", () => {
    expect(rawHeader(mail(), "List-Unsubscribe")).toMatch(/^<http:\/\/localhost:3000\/api\/subscriptions\/unsubscribe\?token=[\w.-]+>$/);
    expect(rawHeader(mail(), "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(mail().messageId).toBe(`<digest.${reader.id}.2030-01-08@localhost>`);
    expect(rawHeader(mail(), "X-Entity-Ref-ID")).toBe(`paperpulse-digest-${reader.id}-2030-01-08`);
  });

  it("links to our paper page, arXiv and the PDF for every paper, and those links work", async () => {
    const text = mail().text!;
    expect(text).toContain(`<http://localhost:3000/papers/${both!.arxivId}>`);
    expect(text).toContain(`arXiv <https://arxiv.org/abs/${both!.arxivId}>`);
    expect(text).toContain(`PDF <https://arxiv.org/pdf/${both!.arxivId}>`);
    const response = await paperRoute.GET(new Request(`http://localhost:3000/api/papers/${both!.arxivId}`), {
      params: Promise.resolve({ arxivId: [both!.arxivId] }),
    });
    expect(response.status).toBe(200);
  });

  it("has a working manage link, and its List-Unsubscribe URL unsubscribes with one POST", async () => {
    const manage = /Manage preferences <([^>]+)>/.exec(mail().text!)![1]!;
    const token = new URL(manage).searchParams.get("token")!;
    expect(await checkToken(token, ["manage"])).toMatchObject({ ok: true, subscriberId: reader.id });

    const oneClick = rawHeader(mail(), "List-Unsubscribe")!.slice(1, -1);
    const response = await unsubscribeRoute.POST(
      new Request(oneClick, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      undefined,
    );
    expect(response.status).toBeLessThan(300);
    expect(await db.subscriber.findUnique({ where: { id: reader.id }, select: { status: true } })).toEqual({ status: "unsubscribed" });
  });
});

describe("POST /api/cron/digest", () => {
  const call = (method: "GET" | "POST", headers: Record<string, string> = {}) =>
    cronRoute[method](new Request("http://localhost:3000/api/cron/digest", { method, headers }), undefined);

  it("answers 401 without the cron secret, and sends nothing", async () => {
    const outbox = await db.outboxMessage.count();
    const refused: Record<string, string>[] = [
      {},
      { authorization: "Bearer not-the-secret-0123456789" },
      { authorization: "test-cron-secret-0123456789" },
    ];
    for (const headers of refused) {
      const response = await call("POST", headers);
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe("unauthorized");
    }
    expect((await call("GET")).status).toBe(401);
    expect(await db.outboxMessage.count()).toBe(outbox);
  });

  it("runs the digest with the secret, by POST or GET, and answers with a summary", async () => {
    for (const method of ["POST", "GET"] as const) {
      const response = await call(method, { authorization: "Bearer test-cron-secret-0123456789" });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        due: expect.any(Number),
        sent: expect.any(Number),
        skipped: expect.any(Number),
        failed: 0,
        durationMs: expect.any(Number),
        complete: true,
      });
    }
  });
});
