import "server-only";

import { markSending, recordSent, type SentDelivery } from "./delivery-outcomes";
import type { DigestRun } from "./digest-run";
import { groupWrites } from "./group-writes";

export type ProgressWrites = ReturnType<typeof createProgressWrites>;

/**
 * The two writes every email makes, each kind many to a statement: its `sending` mark, awaited just
 * before the hand-off and written once half the lanes wait (or the mail server has nothing of this
 * run left), and its `sent` record, written while the lane goes on. The price of marking no email
 * ahead of its hand-off is one round trip per email (bench/results/2026-12-06-100003-digest.md).
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
