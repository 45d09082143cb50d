import "server-only";

import { markSending, recordSent, type SentDelivery } from "./delivery-outcomes";
import type { DigestRun } from "./digest-run";
import { groupWrites } from "./group-writes";

export type ProgressWrites = ReturnType<typeof createProgressWrites>;

/**
 * The two writes every email makes: its `sending` mark, which the lane awaits just before it hands
 * the email to the mail server, and its `sent` record, written while the lane goes on. Each kind
 * goes many to a statement, in statements of its own, so a mark never waits behind the larger
 * record of sent papers.
 *
 * Marks wait for each other: a group of them is written once half the lanes are waiting, or as soon
 * as the mail server has no email of this run left, one statement at a time: a statement per mark
 * would cost each email a statement's CPU (0.3 ms) on the thread that renders the emails. Each lane
 * still waits one database round trip per email, the price of marking no email before its own
 * hand-off (measured in bench/results/2026-12-06-100003-digest.md).
 */
export function createProgressWrites(run: DigestRun) {
  const group = Math.max(1, Math.floor(run.settings.concurrency / 2));
  let waiting: { id: number; resolve: (granted: boolean) => void; reject: (error: unknown) => void }[] = [];
  let marking = false;
  // Emails handed to the mail server whose outcome is not known yet.
  let withServer = 0;

  function writeMarks() {
    if (marking || waiting.length === 0 || (waiting.length < group && withServer > 0)) return;
    marking = true;
    const marks = waiting;
    waiting = [];
    markSending(
      marks.map((mark) => mark.id),
      run.id,
      run.clock(),
    )
      .then(
        (granted) => marks.forEach((mark) => mark.resolve(granted.has(mark.id))),
        (error: unknown) => marks.forEach((mark) => mark.reject(error)),
      )
      .finally(() => {
        marking = false;
        writeMarks();
      });
  }

  const records = groupWrites(async (sent: SentDelivery[]) => {
    await recordSent(sent, run.clock());
    return sent.map(() => undefined);
  });
  // Records not yet written.
  const recordings = new Set<Promise<void>>();

  return {
    /** Marks the delivery `sending`: false when another run took it over (this one lost its lease), so it must not be sent. */
    markSending(deliveryId: number): Promise<boolean> {
      const marked = new Promise<boolean>((resolve, reject) => void waiting.push({ id: deliveryId, resolve, reject }));
      writeMarks();
      return marked;
    },
    /** Runs the hand-off of a marked email to the mail server, counting it as with the server meanwhile. */
    async handOff<T>(send: () => Promise<T>): Promise<T> {
      withServer++;
      try {
        return await send();
      } finally {
        withServer--;
        writeMarks();
      }
    },
    /** Records an email the mail server accepted. */
    recordSent(sent: SentDelivery): void {
      const recorded = records(sent).then(
        () => void run.summary.sent++,
        (error: unknown) => void run.failures.push(error),
      );
      recordings.add(recorded);
      void recorded.then(() => recordings.delete(recorded));
    },
    /** Resolves once every record is written. */
    async flush(): Promise<void> {
      await Promise.allSettled([...recordings]);
    },
  };
}
