import "server-only";

import { renderAlreadySubscribedEmail } from "@/emails/already-subscribed";
import { renderConfirmSubscriptionEmail } from "@/emails/confirm-subscription";
import { db } from "@/lib/db";
import type { MailMessage } from "@/lib/mail/mail-message";
import { runAfterResponse } from "@/lib/http/run-after-response";
import { sendOrQueueMail } from "@/lib/mail/mail-queue";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";

import { describeSchedule } from "./describe-schedule";
import { issueEmailLinks } from "./issue-email-links";
import { issueTokens } from "./issue-tokens";
import { purgeStale } from "./purge-stale";
import { TOKEN_LIFETIME_MS } from "./link-token";
import { confirmUrl } from "./links";
import { SUBSCRIBE_PER_ADDRESS, SUBSCRIBE_PER_IP } from "./rate-limits";
import { replaceTopics } from "./replace-topics";
import type { SubscriptionInput } from "./subscription-input";

const HOUR_MS = 3_600_000;

/** What every subscribe request hears back, whatever the address's state: nothing to enumerate. */
export const SUBSCRIBE_ACCEPTED =
  "Thanks! If this address can receive mail, an email is on its way. Follow its link to confirm your subscription.";

/**
 * Double opt-in. The caller's answer is the same for every address, and so is the work before it:
 * the rate limits. Everything that depends on the address's state runs after the answer
 * (runAfterResponse), so neither its content nor its timing tells who is subscribed. Then exactly
 * one email goes out: a new or unsubscribed address gets its preferences saved and a confirmation
 * link; a pending one a new link to confirm its first sign-up's choices, which a second sign-up
 * cannot replace behind the owner's back (the confirm page shows them); an active one keeps its
 * preferences and its owner gets their manage link instead.
 */
export async function subscribe(input: SubscriptionInput, context: { ip: string }): Promise<void> {
  await consumeRateLimit(SUBSCRIBE_PER_IP, context.ip);
  await consumeRateLimit(SUBSCRIBE_PER_ADDRESS, input.email);
  runAfterResponse("subscribe", () => answerSubscription(input));
}

async function answerSubscription(input: SubscriptionInput): Promise<void> {
  const message = await db.$transaction(async (tx): Promise<MailMessage> => {
    const existing = await tx.subscriber.findUnique({
      where: { email: input.email },
      select: { id: true, status: true, frequency: true, weekday: true },
    });
    if (existing?.status === "active") {
      const [links] = await issueEmailLinks([existing.id], tx);
      return {
        to: input.email,
        ...renderAlreadySubscribedEmail({
          email: input.email,
          manageUrl: links!.manageUrl,
          unsubscribeUrl: links!.unsubscribeUrl,
          manageLinkDays: TOKEN_LIFETIME_MS.manage / (24 * HOUR_MS),
        }),
        listUnsubscribeUrl: links!.oneClickUnsubscribeUrl,
      };
    }

    const { email, topics, categories, authors, ...preferences } = input;
    let subscriber = existing?.status === "pending" ? existing : null;
    if (!subscriber) {
      subscriber = await tx.subscriber.upsert({
        where: { email },
        create: { email, ...preferences },
        update: { ...preferences, status: "pending", pausedAt: null, pauseReason: null },
        select: { id: true, status: true, frequency: true, weekday: true },
      });
      await replaceTopics(tx, subscriber.id, { topics, categories, authors });
    }
    const [token] = await issueTokens([{ subscriberId: subscriber.id, purpose: "confirm" }], tx);
    return {
      to: email,
      ...renderConfirmSubscriptionEmail({
        email,
        confirmUrl: confirmUrl(token!),
        schedule: describeSchedule(subscriber.frequency, subscriber.weekday),
        expiresInHours: TOKEN_LIFETIME_MS.confirm / HOUR_MS,
      }),
    };
  });

  // While the mail server is down the email waits in the queue: the subscription is saved either way.
  await sendOrQueueMail(message);
  // Housekeeping rides along with a small share of subscriptions, so no scheduler is needed for it.
  if (Math.random() < 0.02) await purgeStale();
}
