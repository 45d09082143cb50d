// One measured digest workload in a process of its own (so its peak RSS is its own), printing a
// JSON line. `pipeline`: runDigest over every due subscriber, again until a run says the day is
// complete (as the scheduler of an app instance would call it; two of these side by side are two
// instances). `bare`: the same transport sending prebuilt digest emails, the floor the pipeline is
// compared with. `index`: the app's similarity refresh over what is queued. `models`: the bench
// readers' models, trained and stored as the app does on each save (retrainReaderModel), for those
// without a current one. Env: DATABASE_URL,
// BENCH_SMTP_URL, BENCH_MODE, BENCH_MESSAGES (bare), the app's variables.
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

import { composeDigestMessage } from "@/lib/digest/compose-digest-message";
import { createPaperSummaries } from "@/lib/digest/paper-summaries";
import { runDigest, type DigestRunSummary } from "@/lib/digest/run-digest";
import { env } from "@/lib/env";
import { createMailer } from "@/lib/mail/create-mailer";
import type { MailMessage } from "@/lib/mail/mail-message";
import { db } from "@/lib/db";
import { retrainReaderModel } from "@/lib/recommend/stored-reader-model";
import { refreshSimilarPapers } from "@/lib/similarity/refresh-similar-papers";

const CONNECTIONS = 5;
const IN_FLIGHT = 2 * CONNECTIONS;
const mailer = createMailer({ from: env.MAIL_FROM, smtpUrl: process.env.BENCH_SMTP_URL, maxConnections: CONNECTIONS });

async function pipeline() {
  const started = performance.now();
  const startedAt = Date.now();
  let lastWorkAt = startedAt;
  const runs: DigestRunSummary[] = [];
  for (;;) {
    const summary = await runDigest({ sendOnRelease: mailer.sendOnRelease, concurrency: IN_FLIGHT, deadlineMs: 20 * 60_000 });
    runs.push(summary);
    if (summary.due > 0) lastWorkAt = Date.now();
    if (summary.complete || summary.stoppedBecause?.includes("unavailable")) break;
    // Another instance still holds deliveries of the day: ask again shortly, as a scheduler would.
    if (summary.due === 0) await sleep(2_000);
  }
  const total = (key: keyof DigestRunSummary) => runs.reduce((sum, run) => sum + Number(run[key]), 0);
  return {
    seconds: (performance.now() - started) / 1000,
    due: total("due"),
    sent: total("sent"),
    skipped: total("skipped"),
    failed: total("failed"),
    deferred: total("deferred"),
    queries: total("queries"),
    runs: runs.length,
    // Wall-clock bounds of the work, to add up instances that ran side by side.
    startedAt,
    lastWorkAt,
  };
}

/** Digest emails as the template renders them, from real papers, prebuilt before timing starts. */
async function prebuiltMessages(count: number): Promise<MailMessage[]> {
  const ids = (await db.$queryRaw<{ id: number }[]>`SELECT id FROM paper ORDER BY trending_score DESC LIMIT 200`).map((row) => row.id);
  const papers = [...(await createPaperSummaries().get(ids)).values()];
  const link = (path: string) => `${env.APP_URL}${path}?token=AAAAAAAAAAAAAAAA.${"B".repeat(43)}`;
  return Array.from({ length: count }, (_, index) => {
    const shown = Array.from({ length: 10 }, (__, offset) => papers[(index * 7 + offset) % papers.length]!);
    const content = {
      recipient: {
        id: index + 1,
        email: `bare${index}@bench.paperpulse.test`,
        frequency: "daily" as const,
        weekday: 1,
        timeZone: "UTC",
        maxPapers: 10,
        sendWhenQuiet: false,
        topics: [
          { kind: "keyword" as const, value: "diffusion" },
          { kind: "category" as const, value: "cs.LG" },
        ],
      },
      papers: shown.map((paper) => ({ paper, matchedTerms: ["diffusion"] })),
      recommended: [],
      quiet: false,
      alsoTrending: papers.slice(0, 3),
    };
    const links = {
      manageUrl: link("/subscriptions/manage"),
      unsubscribeUrl: link("/unsubscribe"),
      oneClickUnsubscribeUrl: link("/api/subscriptions/unsubscribe"),
    };
    return composeDigestMessage(
      { periodKey: "2026-11-25", messageId: `<bare.${index}@bench>`, content, links },
      { appUrl: env.APP_URL, secret: env.APP_SECRET },
    );
  });
}

async function bare(count: number) {
  const messages = await prebuiltMessages(Math.min(count, 500));
  const bytes = messages.reduce((sum, message) => sum + message.html.length + message.text.length, 0) / messages.length;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) {
        const index = next++;
        await mailer.send({ ...messages[index % messages.length]!, to: `bare${index}@bench.paperpulse.test` });
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, sent: count, averageBytes: Math.round(bytes) };
}

async function models() {
  const readers = await db.$queryRaw<{ id: number }[]>`
    SELECT r.id FROM reader r LEFT JOIN reader_model m ON m.reader_id = r.id AND m.taste_version = r.taste_version
    WHERE r.email LIKE 'bench%@bench.paperpulse.test' AND m.reader_id IS NULL
    ORDER BY r.id`;
  const started = performance.now();
  for (const { id } of readers) await retrainReaderModel(id);
  return { readers: readers.length, seconds: (performance.now() - started) / 1000 };
}

const mode = process.env.BENCH_MODE;
// CPU of both threads (building and mailing), over the measured part only.
const cpuBefore = process.cpuUsage();
const result =
  mode === "bare"
    ? await bare(Number(process.env.BENCH_MESSAGES ?? 10_000))
    : mode === "index"
      ? await refreshSimilarPapers()
      : mode === "models"
        ? await models()
        : await pipeline();
const cpu = process.cpuUsage(cpuBefore);
mailer.close();
console.log(JSON.stringify({ ...result, cpuMs: (cpu.user + cpu.system) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
process.exit(0);
