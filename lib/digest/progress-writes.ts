import "server-only";

import { recordProgress, type SentDelivery } from "./delivery-outcomes";
import type { DigestRun } from "./digest-run";
import { groupWrites } from "./group-writes";

export type ProgressWrites = ReturnType<typeof createProgressWrites>;

/**
 * The two writes every email makes, many to a statement (see group-writes.ts): its `sending` mark,
 * awaited by the lane just before it hands the email to the mail server, and its `sent` record,
 * which rides with the next statement while the lane goes on. The marks of lanes reaching their
 * hand-off together share a statement, and so do the records of the emails accepted meanwhile.
 */
export function createProgressWrites(run: DigestRun) {
  const write = groupWrites(async (writes: ({ sending: number } | { sent: SentDelivery })[]) => {
    const sending = writes.flatMap((each) => ("sending" in each ? [each.sending] : []));
    const sent = writes.flatMap((each) => ("sent" in each ? [each.sent] : []));
    const granted = await recordProgress({ sending, sent }, run.id, run.clock());
    return writes.map((each) => !("sending" in each) || granted.has(each.sending));
  });
  // Records not yet written.
  const recordings = new Set<Promise<void>>();

  return {
    /** Marks the delivery `sending`: false when another run took it over (this one lost its lease), so it must not be sent. */
    markSending: (deliveryId: number): Promise<boolean> => write({ sending: deliveryId }),
    /** Records an email the mail server accepted, with the next statement. */
    recordSent(sent: SentDelivery): void {
      const recorded = write.later({ sent }).then(
        () => void run.summary.sent++,
        (error: unknown) => void run.failures.push(error),
      );
      recordings.add(recorded);
      void recorded.then(() => recordings.delete(recorded));
    },
    /** Writes the records still waiting, and resolves once all are written. */
    async flush(): Promise<void> {
      write.flush();
      await Promise.allSettled([...recordings]);
    },
  };
}
