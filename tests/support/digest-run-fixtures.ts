// What the digest fault and crash tests set up alike: scripted SMTP sinks, mailers and audiences,
// all closed or deleted after the test file.
import { afterAll } from "vitest";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createMailer } from "@/lib/mail/create-mailer";

import { insertPapers, insertSubscribers, uniqueWord } from "./digest-fixtures";
import { startScriptedSmtp, type ScriptedSmtp } from "./digest-smtp";

const MINUTE = 60_000;
export const later = (from: Date, minutes: number) => new Date(from.getTime() + minutes * MINUTE);

export function digestRunFixtures(db: PrismaClient) {
  const paperIds: number[] = [];
  const subscriberIds: number[] = [];
  const cleanups: (() => unknown)[] = [];

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await db.subscriber.deleteMany({ where: { id: { in: subscriberIds } } });
    await db.paper.deleteMany({ where: { id: { in: paperIds } } });
  });

  return {
    async sink(port?: number): Promise<ScriptedSmtp> {
      const started = await startScriptedSmtp(port);
      cleanups.push(() => started.close());
      return started;
    },

    mailerFor(url: string, maxConnections = 3) {
      const mailer = createMailer({ from: "PaperPulse <digest@paperpulse.test>", smtpUrl: url, maxConnections });
      cleanups.push(() => mailer.close());
      return mailer;
    },

    /** `count` daily subscribers following one new topic, and a paper on it that arrived before `now`. */
    async audience(count: number, now: Date, label?: string): Promise<{ id: number; email: string }[]> {
      const topic = uniqueWord();
      const [paper] = await insertPapers(db, [{ title: `Results on ${topic}`, createdAt: later(now, -90) }]);
      paperIds.push(paper!.id);
      const readers = await insertSubscribers(db, count, topic, label);
      subscriberIds.push(...readers.map((reader) => reader.id));
      return readers;
    },
  };
}
