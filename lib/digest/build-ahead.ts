import "server-only";

import { setImmediate as nextTurn } from "node:timers/promises";

import type { MailMessage } from "@/lib/mail/mail-message";

import type { ClaimedDelivery } from "./claimed-delivery";
import type { DigestContent } from "./digest-content";
import type { DigestRun } from "./digest-run";
import { markSkipped } from "./delivery-outcomes";

/** A built digest with something to send, rendered as mail. */
export type SendableDigest = { delivery: ClaimedDelivery; content: DigestContent; message: MailMessage };

export type BuiltBatches = {
  /** The batch built ahead, its digests with something to send; null when there is no other. */
  next(): Promise<SendableDigest[] | null>;
  /** Stops building: the deliveries of the batch built ahead that it would have sent, to hand back. */
  close(): Promise<number[]>;
};


/** `promise`, with its failure left for whoever awaits it later rather than reported as unhandled now. */
function settleLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * Build ahead: the claimed batches, each built (see build-digests.ts) and rendered while the one
 * before it is sending, so lanes that finish a batch go straight on to the next and the mail server
 * is never left waiting on the database. Deliveries with nothing to send are marked skipped as their
 * batch is built. Emails are rendered one a turn of the event loop, so rendering fills the time the
 * lanes wait for their marks and the mail server, and never holds up their replies.
 */
export function buildAhead(run: DigestRun, claimed: AsyncGenerator<ClaimedDelivery[]>): BuiltBatches {
  async function build(): Promise<SendableDigest[] | null> {
    const next = await claimed.next();
    if (next.done) return null;
    run.summary.due += next.value.length;
    const built = await run.builder.build(next.value);
    const skipped = built.flatMap((digest) => (digest.content ? [] : [{ id: digest.delivery.id, reason: digest.reason }]));
    await markSkipped(skipped);
    run.summary.skipped += skipped.length;
    const rendered: SendableDigest[] = [];
    for (const digest of built) {
      if (!digest.content || !digest.links) continue;
      await nextTurn();
      const { delivery, content, links } = digest;
      rendered.push({ delivery, content, message: run.compose({ ...delivery, content, links }) });
    }
    return rendered;
  }

  let ahead = settleLater(build());
  return {
    async next() {
      const batch = await ahead;
      if (!batch) return null;
      ahead = settleLater(run.stopping() ? Promise.resolve(null) : build());
      return batch;
    },
    async close() {
      const built = await ahead.catch(() => null);
      await claimed.return(undefined);
      return (built ?? []).map((digest) => digest.delivery.id);
    },
  };
}
