import "server-only";

import { markSending, recordSent, type SentDelivery } from "./delivery-outcomes";
import type { DigestRun } from "./digest-run";
import { groupWrites } from "./group-writes";

export type ProgressWrites = ReturnType<typeof createProgressWrites>;

type Mark = { id: number; resolve: (granted: boolean) => void; reject: (error: unknown) => void };

/**
 * The two writes every email makes, each kind many to a statement: its `sending` mark and, once the
 * mail server accepted it, its `sent` record. The mark is asked for as the email is handed over
 * and written while it travels: with the next half-lane's worth of marks, or at once when the
 * mailer needs it to finish the message (its release), so a lane never waits for it and a message
 * rarely does. Records are written while the lanes go on.
 */
export function createProgressWrites(run: DigestRun) {
  const group = Math.max(1, Math.floor(run.settings.concurrency / 2));
  let waiting: Mark[] = [];
  // A message cannot finish until a mark still waiting here is written.
  let needed = false;
  let marking = false;

  function writeMarks() {
    if (marking || waiting.length === 0 || (waiting.length < group && !needed)) return;
    marking = true;
    needed = false;
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
    /**
     * Asks for the delivery's `sending` mark. The release returned writes it now if it is still
     * waiting, and resolves true once it is written, false when another run took the delivery
     * over (this one lost its lease): then it must not be sent.
     */
    markSending(deliveryId: number): () => Promise<boolean> {
      let mark!: Mark;
      const marked = new Promise<boolean>((resolve, reject) => void waiting.push((mark = { id: deliveryId, resolve, reject })));
      writeMarks();
      return () => {
        if (waiting.includes(mark)) {
          needed = true;
          writeMarks();
        }
        return marked;
      };
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
