import "server-only";

import { writeProgress, type SentDelivery } from "./delivery-outcomes";
import type { DigestRun } from "./digest-run";

export type ProgressWrites = ReturnType<typeof createProgressWrites>;

type Mark = { id: number; resolve: (granted: boolean) => void; reject: (error: unknown) => void };

/**
 * The two writes every email makes, many emails to a statement and both kinds in one: its
 * `sending` mark, asked for as the email is handed over and written while it travels, and its
 * `sent` record once the mail server accepted it. A statement goes once half the lanes' marks
 * wait, or at once when the mailer needs a waiting mark to finish a message (its release), or
 * when as many records as lanes wait; one at a time, the next taking what arrived meanwhile. So a
 * lane never waits for a write, a message rarely does, and an email costs a fraction of a
 * statement.
 */
export function createProgressWrites(run: DigestRun) {
  const group = Math.max(1, Math.floor(run.settings.concurrency / 2));
  let marks: Mark[] = [];
  let records: SentDelivery[] = [];
  // A message cannot finish until a mark still waiting here is written.
  let needed = false;
  let writing: Promise<void> | null = null;

  function write(all = false) {
    if (writing || (marks.length === 0 && records.length === 0)) return;
    if (!all && !needed && marks.length < group && records.length < run.settings.concurrency) return;
    needed = false;
    const [marking, recording] = [marks, records];
    [marks, records] = [[], []];
    writing = writeProgress({ marks: marking.map((mark) => mark.id), sent: recording }, run.id, run.clock()).then(
      (granted) => {
        marking.forEach((mark) => mark.resolve(granted.has(mark.id)));
        run.summary.sent += recording.length;
      },
      (error: unknown) => {
        marking.forEach((mark) => mark.reject(error));
        if (recording.length > 0) run.failures.push(error);
      },
    );
    void writing.finally(() => {
      writing = null;
      write();
    });
  }

  return {
    /**
     * Asks for the delivery's `sending` mark. The release returned writes it now if it is still
     * waiting, and resolves true once it is written, false when another run took the delivery
     * over (this one lost its lease): then it must not be sent.
     */
    markSending(deliveryId: number): () => Promise<boolean> {
      let mark!: Mark;
      const marked = new Promise<boolean>((resolve, reject) => void marks.push((mark = { id: deliveryId, resolve, reject })));
      write();
      return () => {
        if (marks.includes(mark)) {
          needed = true;
          write();
        }
        return marked;
      };
    },
    /** Records an email the mail server accepted, with a later statement. */
    recordSent(sent: SentDelivery): void {
      records.push(sent);
      write();
    },
    /** Resolves once every mark and record asked for is written. */
    async flush(): Promise<void> {
      while (writing || marks.length > 0 || records.length > 0) {
        write(true);
        await writing;
      }
    },
  };
}
