// Rows for digest tests: papers that arrive at a chosen time, and confirmed subscribers with
// topics. Words are random letters, so each test's topics match its own papers and nothing else.
import { randomBytes, randomInt } from "node:crypto";

import type { PrismaClient } from "@/lib/generated/prisma/client";

export const uniqueWord = (prefix = "zq") =>
  `${prefix}${Array.from(randomBytes(8), (byte) => String.fromCharCode(97 + (byte % 26))).join("")}`;

export const uniqueEmail = (label = "reader") => `${label}-${randomBytes(5).toString("hex")}@example.net`;

export type TestPaper = {
  title: string;
  abstract?: string;
  authors?: string[];
  categories?: string[];
  createdAt: Date;
  votes?: number;
};

export async function insertPapers(db: PrismaClient, papers: TestPaper[]): Promise<{ id: number; arxivId: string }[]> {
  const rows = [];
  for (const paper of papers) {
    const arxivId = `2911.${String(randomInt(10_000, 100_000))}`;
    const categories = paper.categories ?? ["cs.LG"];
    const [row] = await db.$queryRaw<{ id: number; arxivId: string }[]>`
      INSERT INTO paper (arxiv_id, title, abstract, authors, published_on, listed_on, primary_category, categories,
                         external_upvotes, source, created_at)
      VALUES (${arxivId}, ${paper.title},
              ${paper.abstract ?? `We study ${paper.title.toLowerCase()}. Our method improves on strong baselines across many benchmarks while remaining simple to implement and cheap to train, and we release code.`},
              ${paper.authors ?? ["Ada Example", "Alan Sample"]}::text[], ${paper.createdAt}::date, ${paper.createdAt}::date,
              ${categories[0]}, ${categories}::text[], ${paper.votes ?? 0}, 'submitted', ${paper.createdAt})
      ON CONFLICT (arxiv_id) DO NOTHING
      RETURNING id, arxiv_id AS "arxivId"`;
    if (!row) return insertPapers(db, papers);
    rows.push(row);
  }
  return rows;
}

export type TestSubscriber = {
  email?: string;
  frequency?: "daily" | "weekly";
  weekday?: number;
  timeZone?: string;
  maxPapers?: number;
  sendWhenQuiet?: boolean;
  status?: "pending" | "active" | "unsubscribed";
  paused?: boolean;
  keywords?: string[];
  categories?: string[];
  authors?: string[];
};

export async function insertSubscriber(db: PrismaClient, subscriber: TestSubscriber): Promise<{ id: number; email: string }> {
  const email = subscriber.email ?? uniqueEmail();
  const status = subscriber.status ?? "active";
  const topics = [
    ...(subscriber.keywords ?? []).map((value) => ({ kind: "keyword" as const, value })),
    ...(subscriber.categories ?? []).map((value) => ({ kind: "category" as const, value })),
    ...(subscriber.authors ?? []).map((value) => ({ kind: "author" as const, value })),
  ];
  return db.subscriber.create({
    data: {
      email,
      status,
      frequency: subscriber.frequency ?? "daily",
      weekday: subscriber.weekday ?? 1,
      timeZone: subscriber.timeZone ?? "UTC",
      maxPapers: subscriber.maxPapers ?? 10,
      sendWhenQuiet: subscriber.sendWhenQuiet ?? false,
      confirmedAt: status === "pending" ? null : new Date(),
      pausedAt: subscriber.paused ? new Date() : null,
      pauseReason: subscriber.paused ? "requested" : null,
      topics: { create: topics.map((topic, position) => ({ ...topic, position })) },
    },
    select: { id: true, email: true },
  });
}

/** `count` confirmed daily subscribers in one statement, each following `keyword`; addresses start with `label`. */
export async function insertSubscribers(
  db: PrismaClient,
  count: number,
  keyword: string,
  label = "bulk",
): Promise<{ id: number; email: string }[]> {
  const prefix = uniqueEmail(label).split("@")[0];
  return db.$queryRaw<{ id: number; email: string }[]>`
    WITH added AS (
      INSERT INTO subscriber (email, status, frequency, weekday, time_zone, max_papers, send_when_quiet, confirmed_at)
      SELECT ${prefix} || '-' || g || '@example.net', 'active', 'daily', 1, 'UTC', 10, false, now()
      FROM generate_series(1, ${count}::int) AS g
      RETURNING id, email
    ),
    topics AS (
      INSERT INTO subscriber_topic (subscriber_id, kind, value, position)
      SELECT id, 'keyword', ${keyword}, 0 FROM added
    )
    SELECT id, email FROM added ORDER BY id`;
}

/** Papers and subscribers a test file adds, remembered so its afterAll can delete them. */
export function trackedFixtures(db: PrismaClient) {
  const paperIds: number[] = [];
  const subscribers: { id: number; email: string }[] = [];
  return {
    paperIds,
    subscribers,
    async papers(...rows: TestPaper[]) {
      const inserted = await insertPapers(db, rows);
      paperIds.push(...inserted.map((row) => row.id));
      return inserted;
    },
    async subscriber(row: TestSubscriber) {
      const inserted = await insertSubscriber(db, row);
      subscribers.push(inserted);
      return inserted;
    },
  };
}
