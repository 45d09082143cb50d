// Two real app servers on one database behave as one: a scheduled slot runs once, concurrent cron
// calls neither ingest twice nor mail anyone twice, and arXiv requests keep their spacing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { insertSubscriber, uniqueEmail } from "../support/digest-fixtures";
import { buildApp, instanceEnv, startAppInstance, type AppInstance } from "../support/app-instances";
import { startFixtureServer, type FixtureServer } from "../support/fixture-server";
import { RECORDED_ARXIV_PATH, RECORDED_HF_PATH, recordedApis } from "../support/recorded-apis";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

const { db } = await import("@/lib/db");

const CRON_SECRET = "instances-cron-secret-0123456789";
const ARXIV_INTERVAL_MS = 1_000;
// Both schedulers fire at this second; far enough ahead for the servers to be up by then.
const SCHEDULE_LEAD_MS = 45_000;

let smtp: SmtpSink;
let fixtures: FixtureServer;
const arxivRequestTimes: number[] = [];
const instances: AppInstance[] = [];
const subscriberIds: number[] = [];
let slot: Date;
// The instances ingest the recorded papers into the database the other test files share; they go afterwards.
let papersBefore: number;

async function dueSubscribers(count: number): Promise<string[]> {
  const emails: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = await insertSubscriber(db, { email: uniqueEmail("instances"), sendWhenQuiet: true, keywords: ["transformer"] });
    subscriberIds.push(row.id);
    emails.push(row.email);
  }
  return emails;
}

const mailedTo = () =>
  smtp.messages.flatMap((message) => [message.to].flat().flatMap((to) => to?.value.map((entry) => entry.address) ?? []));

const cron = (instance: AppInstance, job: string) =>
  fetch(`${instance.url}/api/cron/${job}`, { method: "POST", headers: { authorization: `Bearer ${CRON_SECRET}` } });

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

let scheduledEmails: string[];
/** Until resolved, arXiv's answers wait: the ingest that asked holds its lease meanwhile. */
let arxivHeld: Promise<void> = Promise.resolve();

beforeAll(async () => {
  papersBefore = (await db.paper.aggregate({ _max: { id: true } }))._max.id ?? 0;
  smtp = await startSmtpSink();
  const recorded = recordedApis();
  fixtures = await startFixtureServer(async (url) => {
    if (url.pathname === RECORDED_ARXIV_PATH) {
      arxivRequestTimes.push(Date.now());
      await arxivHeld;
    }
    return recorded(url);
  });
  scheduledEmails = await dueSubscribers(4);

  const env = instanceEnv({
    DATABASE_URL: process.env.DATABASE_URL!,
    APP_SECRET: "instances-secret-instances-secret-0123",
    CRON_SECRET,
    SMTP_URL: smtp.url,
    ARXIV_API_URL: `${fixtures.url}${RECORDED_ARXIV_PATH}`,
    ARXIV_REQUEST_INTERVAL_MS: String(ARXIV_INTERVAL_MS),
    HF_API_URL: `${fixtures.url}${RECORDED_HF_PATH}`,
    INGEST_RETRIES: "0",
    SCHEDULER: "on",
  });
  await buildApp(env);
  slot = new Date(Math.ceil((Date.now() + SCHEDULE_LEAD_MS) / 1000) * 1000);
  const once = `${slot.getUTCSeconds()} ${slot.getUTCMinutes()} ${slot.getUTCHours()} ${slot.getUTCDate()} ${slot.getUTCMonth() + 1} *`;
  const scheduled = { ...env, INGEST_CRON: once, DIGEST_CRON: once };
  instances.push(...(await Promise.all([startAppInstance(scheduled), startAppInstance(scheduled)])));
  if (Date.now() > slot.getTime() - 2_000) throw new Error("the servers started too late for the scheduled slot; raise SCHEDULE_LEAD_MS");
}, 900_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await db.subscriber.deleteMany({ where: { id: { in: subscriberIds } } });
  await db.paper.deleteMany({ where: { id: { gt: papersBefore } } });
  await fixtures?.close();
  await smtp?.close();
});

describe("two app instances on one database", () => {
  it("run a scheduled slot once: one ingest and one digest per subscriber", async () => {
    await until(
      async () => (await db.$queryRaw<unknown[]>`SELECT 1 FROM scheduled_job_slot WHERE job = 'ingest → digest'`).length > 0,
      SCHEDULE_LEAD_MS + 30_000,
      "the scheduled slot",
    );
    const claims = await db.$queryRaw<{ slot: Date }[]>`SELECT slot FROM scheduled_job_slot WHERE job = 'ingest → digest'`;
    expect(claims.map((claim) => claim.slot.toISOString())).toEqual([slot.toISOString()]);

    await until(() => scheduledEmails.every((email) => mailedTo().includes(email)), 60_000, "the scheduled digests");
    // Give a second, wrongly running instance time to send its copies too.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    for (const email of scheduledEmails) expect(mailedTo().filter((to) => to === email)).toHaveLength(1);

    const urls = fixtures.requests.map((url) => url.href);
    expect(urls.length).toBeGreaterThan(0);
    expect(new Set(urls).size).toBe(urls.length);
  }, 120_000);

  it("share concurrent cron calls: one ingest, every digest sent once", async () => {
    fixtures.requests.length = 0;
    const cronEmails = await dueSubscribers(6);

    // The ingest that takes the lease waits for arXiv until the other call has answered, whenever
    // each instance gets to its request: the calls overlap however slow a busy machine is.
    let answerArxiv = () => {};
    arxivHeld = new Promise((resolve) => (answerArxiv = resolve));
    const calls = instances.map((instance) => cron(instance, "ingest"));
    await Promise.race(calls);
    answerArxiv();
    const ingests = await Promise.all(calls);
    const reports = (await Promise.all(ingests.map((response) => response.json()))) as {
      ok: boolean;
      runningElsewhere?: true;
      runs: unknown[];
    }[];
    expect(ingests.map((response) => response.status)).toEqual([200, 200]);
    expect(reports.filter((report) => report.runningElsewhere)).toHaveLength(1);
    expect(reports.filter((report) => report.runs.length > 0)).toHaveLength(1);
    const urls = fixtures.requests.map((url) => url.href);
    expect(urls.length).toBeGreaterThan(0);
    expect(new Set(urls).size).toBe(urls.length);

    const digests = await Promise.all([...instances, ...instances].map((instance) => cron(instance, "digest")));
    expect(digests.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    await until(() => cronEmails.every((email) => mailedTo().includes(email)), 30_000, "the cron digests");
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    for (const email of [...scheduledEmails, ...cronEmails]) expect(mailedTo().filter((to) => to === email)).toHaveLength(1);
  }, 120_000);

  it("keep arXiv requests at least the politeness interval apart", () => {
    const times = [...arxivRequestTimes].sort((a, b) => a - b);
    expect(times.length).toBeGreaterThan(1);
    const gaps = times.slice(1).map((time, i) => time - times[i]!);
    // The gate's slots are exact on the database's clock; a request goes a round trip later, which
    // on a loaded test machine varies by up to a tenth of a second.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(ARXIV_INTERVAL_MS - 150);
  });
});
