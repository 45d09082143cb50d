import type { ParsedMail } from "mailparser";
import { afterAll, describe, expect, it } from "vitest";

import { trackedFixtures, uniqueWord, type TestPaper } from "../support/digest-fixtures";
import { startScriptedSmtp } from "../support/digest-smtp";

const sink = await startScriptedSmtp();
const { db } = await import("@/lib/db");
const { runDigest } = await import("@/lib/digest/run-digest");
const { createMailer } = await import("@/lib/mail/create-mailer");
const { savePapers } = await import("@/lib/library/save-papers");
const { refreshSimilarPapers } = await import("@/lib/similarity/refresh-similar-papers");
const { applyFeedback, getFeedbackState } = await import("@/lib/feedback/digest-feedback");

const mailer = createMailer({ from: "PaperPulse <digest@paperpulse.test>", smtpUrl: sink.url, maxConnections: 2 });
const { papers, subscriber, paperIds, subscribers } = trackedFixtures(db);

afterAll(async () => {
  mailer.close();
  await db.subscriber.deleteMany({ where: { id: { in: subscribers.map((row) => row.id) } } });
  await db.reader.deleteMany({ where: { email: { in: subscribers.map((row) => row.email) } } });
  await db.paper.deleteMany({ where: { id: { in: paperIds } } });
  await sink.close();
});

const HOUR = 3_600_000;
// Far from the seed papers' arrival and from other test files' runs, so only this file's papers are new.
const now = new Date("2031-03-04T09:00:00Z");
const hoursBefore = (hours: number) => new Date(now.getTime() - hours * HOUR);

/** A reader for the subscriber's address who saved the seed's three theorem-proving papers. */
async function theoremProvingReader(email: string) {
  const reader = await db.reader.create({ data: { email }, select: { id: true } });
  // LeanAgent, DeepSeek-Prover and Alchemy.
  expect((await savePapers(reader.id, ["2410.06209", "2405.14333", "2410.15748"])).saved).toHaveLength(3);
  return reader;
}

const mailTo = (email: string): ParsedMail[] => sink.messages.filter((mail) => mail.text?.includes(`because ${email} subscribed`));
const sentPapers = async (subscriberId: number) =>
  (await db.digestPaper.findMany({ where: { subscriberId, alsoTrending: false }, select: { paperId: true } })).map((row) => row.paperId);

const topic = uniqueWord();
const proving = (title: string, abstract: string, hours: number): TestPaper => ({
  title,
  abstract,
  createdAt: hoursBefore(hours),
  categories: ["cs.LO", "cs.AI"],
});
const [matchedProver, leanProver, formalMath, segmentation, rlhf] = await papers(
  proving(
    `Lean theorem proving with ${topic} search`,
    "We propose a theorem prover for Lean 4 that uses large language models to generate formal proofs, with proof search over tactics and a proof assistant verifying every step of mathematical theorem proving.",
    2,
  ),
  proving(
    "Scaling formal theorem proving in Lean with synthetic proofs",
    "We introduce a method that trains large language models on synthetic Lean 4 proof data, improving automated theorem proving on formal mathematics benchmarks such as miniF2F with a proof assistant.",
    3,
  ),
  proving(
    "Autoformalization of competition mathematics for proof assistants",
    "We present a pipeline that translates informal mathematical problems into formal Lean statements and proves them with a language model theorem prover, verified by the proof assistant.",
    4,
  ),
  {
    title: "Real-time semantic segmentation of street scenes",
    abstract:
      "We propose a lightweight convolutional network for semantic segmentation of urban street scenes from dashboard cameras, running in real time on embedded GPUs.",
    createdAt: hoursBefore(2),
    categories: ["cs.CV"],
  },
  {
    title: "Reward models for dialogue preference tuning",
    abstract:
      "We study reward modelling from human preference comparisons for dialogue agents and show that ensembles reduce reward hacking during reinforcement learning from human feedback.",
    createdAt: hoursBefore(3),
    categories: ["cs.CL"],
  },
);
await refreshSimilarPapers();

const withTopics = await subscriber({ keywords: [topic], maxPapers: 10 });
await theoremProvingReader(withTopics.email);
const libraryOnly = await subscriber({ maxPapers: 5 });
await theoremProvingReader(libraryOnly.email);
const noReader = await subscriber({ keywords: [topic] });
const summary = await runDigest({ now, sendOnRelease: mailer.sendOnRelease, retry: { attempts: 1, backoffMs: 1 } });

describe("Recommended for you", () => {
  it("ranks the new papers by the subscriber's model and says why, after their topic matches and without repeating them", async () => {
    expect(summary).toMatchObject({ complete: true, failed: 0 });
    const [mail] = mailTo(withTopics.email);
    // "Also trending" is the feed's hottest papers, this file's among them: the digest's own picks come before it.
    const text = mail!.text!.slice(0, mail!.text!.indexOf("Also trending"));
    const recommended = text.slice(text.indexOf("Recommended for you"));
    expect(text.indexOf("Recommended for you")).toBeGreaterThan(text.indexOf(`Matches: ${topic}`));
    // The topic matched one theorem prover; the model adds the other two, and neither unrelated paper.
    for (const paper of [leanProver!, formalMath!]) expect(recommended).toContain(`/papers/${paper.arxivId}>`);
    for (const paper of [segmentation!, rlhf!]) expect(text).not.toContain(`/papers/${paper.arxivId}>`);
    expect(recommended).not.toContain(`/papers/${matchedProver!.arxivId}>`);
    expect(text.split(`Lean theorem proving with ${topic} search <`)).toHaveLength(2);
    expect(recommended).toMatch(/Because you saved “(LeanAgent|DeepSeek-Prover|Alchemy)[^”]*”( and “[^”]+”)?\n/);
    expect((await sentPapers(withTopics.id)).toSorted()).toEqual([matchedProver!.id, leanProver!.id, formalMath!.id].toSorted());
  });

  it("gives a subscriber with a library and no topics a digest from their model, not the trending fallback", async () => {
    const [mail] = mailTo(libraryOnly.email);
    expect(mail?.subject).toMatch(/^3 new papers for you, led by “/);
    expect(mail!.text).toContain("Recommended for you");
    expect(mail!.text).not.toContain("Matches:");
    expect((await sentPapers(libraryOnly.id)).toSorted()).toEqual([matchedProver!.id, leanProver!.id, formalMath!.id].toSorted());
  });
});

/** The token of a feedback link in a digest, by its label and the paper it follows. */
function feedbackToken(mail: ParsedMail, arxivId: string, label: "Save" | "More like this" | "Not for me"): string {
  const text = mail.text!;
  const after = text.slice(text.indexOf(`/papers/${arxivId}>`));
  const url = new RegExp(`${label} <([^>]+)>`).exec(after)![1]!;
  return new URL(url).searchParams.get("token")!;
}

describe("a digest's feedback links", () => {
  const libraryOf = async (email: string) =>
    (await db.libraryItem.findMany({ where: { reader: { email } }, select: { paperId: true } })).map((row) => row.paperId);

  it("change nothing when opened; the page's button saves the paper for the subscriber, creating their reader, and can be undone", async () => {
    const token = feedbackToken(mailTo(noReader.email)[0]!, matchedProver!.arxivId, "Save");
    expect(await getFeedbackState(token)).toMatchObject({ ok: true, action: "save", applied: false, email: noReader.email });
    expect(await db.reader.count({ where: { email: noReader.email } })).toBe(0);

    expect(await applyFeedback(token, false)).toMatchObject({ ok: true, applied: true, paper: { arxivId: matchedProver!.arxivId } });
    expect(await libraryOf(noReader.email)).toEqual([matchedProver!.id]);
    // A replayed form changes nothing more.
    expect(await applyFeedback(token, false)).toMatchObject({ ok: true, applied: true });
    expect(await libraryOf(noReader.email)).toEqual([matchedProver!.id]);

    expect(await applyFeedback(token, true)).toMatchObject({ ok: true, applied: false });
    expect(await libraryOf(noReader.email)).toEqual([]);
  });

  it("rate the paper More like this or Not for me for the reader the token names", async () => {
    const mail = mailTo(withTopics.email)[0]!;
    const rating = () =>
      db.paperRating.findMany({ where: { reader: { email: withTopics.email } }, select: { paperId: true, rating: true } });
    await applyFeedback(feedbackToken(mail, leanProver!.arxivId, "Not for me"), false);
    expect(await rating()).toEqual([{ paperId: leanProver!.id, rating: "less" }]);
    await applyFeedback(feedbackToken(mail, leanProver!.arxivId, "More like this"), false);
    expect(await rating()).toEqual([{ paperId: leanProver!.id, rating: "more" }]);
    // Undoing the older "Not for me" leaves the newer rating alone.
    await applyFeedback(feedbackToken(mail, leanProver!.arxivId, "Not for me"), true);
    expect(await rating()).toEqual([{ paperId: leanProver!.id, rating: "more" }]);
  });

  it("refuse forged, altered and expired tokens without changing anything", async () => {
    const token = feedbackToken(mailTo(noReader.email)[0]!, matchedProver!.arxivId, "Save");
    const [subscriberId, , action, expiry, signature] = token.split(".");
    const otherPaper = [subscriberId, String(segmentation!.id), action, expiry, signature].join(".");
    const otherSubscriber = [String(withTopics.id), String(matchedProver!.id), action, expiry, signature].join(".");
    for (const forged of [otherPaper, otherSubscriber, `${token.slice(0, -2)}xx`, "not-a-token", undefined]) {
      expect(await applyFeedback(forged, false)).toEqual({ ok: false, reason: "invalid" });
    }
    const later = new Date(Date.now() + 61 * 86_400_000);
    expect(await applyFeedback(token, false, later)).toEqual({ ok: false, reason: "expired" });
    expect(await getFeedbackState(token, later)).toEqual({ ok: false, reason: "expired" });
    expect(await libraryOf(noReader.email)).toEqual([]);
    expect(await libraryOf(withTopics.email)).not.toContain(segmentation!.id);
  });
});
