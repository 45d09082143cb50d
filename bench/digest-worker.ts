// One measured digest workload in a process of its own (so its peak RSS is its own), printing a
// JSON line. `pipeline`: runDigest over every due subscriber. `bare`: the same transport sending
// prebuilt digest emails, the floor the pipeline is compared with. Env: DATABASE_URL, BENCH_SMTP_URL,
// BENCH_MODE, BENCH_MESSAGES (bare), the app's variables.
import { performance } from "node:perf_hooks";

import { composeDigestMessage } from "@/lib/digest/compose-digest-message";
import { createPaperSummaries } from "@/lib/digest/paper-summaries";
import { runDigest, type DigestRunSummary } from "@/lib/digest/run-digest";
import { env } from "@/lib/env";
import { createMailer } from "@/lib/mail/create-mailer";
import type { MailMessage } from "@/lib/mail/mail-message";
import { db } from "@/lib/db";

const CONNECTIONS = 5;
const IN_FLIGHT = 2 * CONNECTIONS;
const mailer = createMailer({ from: env.MAIL_FROM, smtpUrl: process.env.BENCH_SMTP_URL, maxConnections: CONNECTIONS });

async function pipeline() {
  const started = performance.now();
  const runs: DigestRunSummary[] = [];
  for (;;) {
    const summary = await runDigest({ send: mailer.send, concurrency: IN_FLIGHT, deadlineMs: 20 * 60_000 });
    runs.push(summary);
    if (summary.complete || summary.stoppedBecause?.includes("unavailable")) break;
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

const mode = process.env.BENCH_MODE;
// CPU of both threads (building and mailing), over the measured part only.
const cpuBefore = process.cpuUsage();
const result = mode === "bare" ? await bare(Number(process.env.BENCH_MESSAGES ?? 10_000)) : await pipeline();
const cpu = process.cpuUsage(cpuBefore);
mailer.close();
console.log(JSON.stringify({ ...result, cpuMs: (cpu.user + cpu.system) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
process.exit(0);
