import "server-only";

import { markSending, recordSent, type SentDelivery } from "./delivery-outcomes";
import type { DigestRun } from "./digest-run";
import { groupWrites } from "./group-writes";

export type ProgressWrites = ReturnType<typeof createProgressWrites>;

/**
 * The two writes every email makes, each kind many to a statement (see group-writes.ts): its
 * `sending` mark, which the lane awaits just before it hands the email to the mail server, so the
 * marks of lanes reaching their hand-off together share a statement; and its `sent` record, written
 * while the lane goes on, with the records of the other emails accepted meanwhile. The two kinds go
 * in separate statements that run side by side: a mark, a few primary-key updates, never waits
 * behind the larger record of sent papers.
 */
export function createProgressWrites(run: DigestRun) {
  const marks = groupWrites(async (ids: number[]) => {
    const granted = await markSending(ids, run.id, run.clock());
    return ids.map((id) => granted.has(id));
  });
  const records = groupWrites(async (sent: SentDelivery[]) => {
    await recordSent(sent, run.clock());
    return sent.map(() => undefined);
  });
  // Records not yet written.
  const recordings = new Set<Promise<void>>();

  return {
    /** Marks the delivery `sending`: false when another run took it over (this one lost its lease), so it must not be sent. */
    markSending: (deliveryId: number): Promise<boolean> => marks(deliveryId),
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
