import "server-only";

import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { checkToken, type TokenFailure } from "@/lib/subscribers/check-token";
import { manageUrl, oneClickUnsubscribeUrl, unsubscribeUrl } from "@/lib/subscribers/links";

import { createDigestBuilder } from "./build-digests";
import { composeDigestMessage } from "./compose-digest-message";
import { digestMessageId } from "./digest-message-id";
import { periodKey } from "./digest-period";
import { digestWindow } from "./digest-window";
import { loadRecipients } from "./load-recipients";

export type DigestPreview =
  | { ok: false; reason: TokenFailure }
  /** Paused, unsubscribed or not yet confirmed: no digest would go out. */
  | { ok: true; state: "inactive" }
  /** Nothing new matched since `since`, and quiet digests are off: no email would go out. */
  | { ok: true; state: "empty"; since: Date }
  | { ok: true; state: "ready"; since: Date; subject: string; html: string; papers: number; quiet: boolean };

/**
 * The digest a subscriber would get if it were built now, for the manage page's preview: the
 * same builder and template as the real run, but nothing is claimed, recorded or sent, and the
 * links in it are the manage link the subscriber came with.
 */
export async function previewDigest(token: string | undefined, now = new Date()): Promise<DigestPreview> {
  const check = await checkToken(token, ["manage"]);
  if (!check.ok) return check;
  const { subscriberId } = check;
  const recipient = (await loadRecipients([subscriberId])).get(subscriberId);
  if (!recipient) return { ok: true, state: "inactive" };

  const [last] = await db.$queryRaw<{ windowEnd: Date | null }[]>`
    SELECT max(window_end) AS "windowEnd" FROM digest_delivery
    WHERE subscriber_id = ${subscriberId} AND status IN ('sent', 'skipped')`;
  const window = digestWindow(recipient.frequency, last?.windowEnd ?? null, now);
  const key = periodKey(recipient.frequency, now, recipient.timeZone);
  const messageId = digestMessageId(subscriberId, key, env.APP_URL);
  const delivery = { id: 0, subscriberId, periodKey: key, windowStart: window.start, windowEnd: window.end, messageId, attempts: 0 };
  const [built] = await createDigestBuilder({ now, links: false }).build([delivery]);
  if (!built?.content) return { ok: true, state: "empty", since: window.start };

  const links = {
    manageUrl: manageUrl(token!),
    unsubscribeUrl: unsubscribeUrl(token!),
    oneClickUnsubscribeUrl: oneClickUnsubscribeUrl(token!),
  };
  const message = composeDigestMessage(
    { periodKey: key, messageId, content: built.content, links },
    { appUrl: env.APP_URL, secret: env.APP_SECRET },
  );
  return {
    ok: true,
    state: "ready",
    since: window.start,
    subject: message.subject,
    html: message.html,
    papers: built.content.papers.length + built.content.recommended.length,
    quiet: built.content.quiet,
  };
}
