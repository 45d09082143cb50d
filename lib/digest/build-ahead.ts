import "server-only";

import type { EmailLinks } from "@/lib/subscribers/issue-email-links";

import type { ClaimedDelivery } from "./claimed-delivery";
import type { BuiltDigest, DigestContent } from "./digest-content";
import type { DigestRun } from "./digest-run";
import { markSkipped } from "./delivery-outcomes";

/** A built digest with something to send and the links to put in it. */
export type SendableDigest = { delivery: ClaimedDelivery; content: DigestContent; links: EmailLinks };

export type BuiltBatches = {
  /** The batch built ahead, its digests with something to send; null when there is no other. */
  next(): Promise<SendableDigest[] | null>;
  /** Stops building: the deliveries of the batch built ahead that it would have sent, to hand back. */
  close(): Promise<number[]>;
};

const sendable = (digest: BuiltDigest): digest is SendableDigest => digest.content !== null && digest.links !== null;

/** `promise`, with its failure left for whoever awaits it later rather than reported as unhandled now. */
function settleLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * Build ahead: the claimed batches, each built (see build-digests.ts) while the one before it is
 * sending, so lanes that finish a batch go straight on to the next and the mail server is never
 * left waiting on the database. Deliveries with nothing to send are marked skipped as their batch
 * is built.
 */
export function buildAhead(run: DigestRun, claimed: AsyncGenerator<ClaimedDelivery[]>): BuiltBatches {
  async function build(): Promise<BuiltDigest[] | null> {
    const next = await claimed.next();
    if (next.done) return null;
    run.summary.due += next.value.length;
    const built = await run.builder.build(next.value);
    const skipped = built.flatMap((digest) => (digest.content ? [] : [{ id: digest.delivery.id, reason: digest.reason }]));
    await markSkipped(skipped);
    run.summary.skipped += skipped.length;
    return built;
  }

  let ahead = settleLater(build());
  return {
    async next() {
      const batch = await ahead;
      if (!batch) return null;
      ahead = settleLater(run.stopping() ? Promise.resolve(null) : build());
      return batch.filter(sendable);
    },
    async close() {
      const built = await ahead.catch(() => null);
      await claimed.return(undefined);
      return (built ?? []).filter(sendable).map((digest) => digest.delivery.id);
    },
  };
}
