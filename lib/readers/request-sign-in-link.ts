import "server-only";

import { renderSignInLinkEmail } from "@/emails/sign-in-link";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendOrQueueMail } from "@/lib/mail/mail-queue";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { newLinkToken } from "@/lib/subscribers/link-token";

import { SIGN_IN_LINK_LIFETIME_MS } from "./lifetimes";
import { SIGN_IN_PER_ADDRESS, SIGN_IN_PER_IP } from "./rate-limits";
import { safeReturnPath } from "./return-path";

/** What every request for a link hears back, whatever the address: nothing to enumerate. */
export const SIGN_IN_LINK_SENT = "If this address can receive mail, a sign-in link is on its way. It works once, within 15 minutes.";

/** The page with the "Sign in" button (mail scanners open links; they do not press buttons). */
export function signInUrl(token: string, returnTo?: string): string {
  const url = new URL("/sign-in/confirm", env.APP_URL);
  url.searchParams.set("token", token);
  const path = safeReturnPath(returnTo);
  if (path !== "/library") url.searchParams.set("next", path);
  return url.toString();
}

/**
 * Emails a single-use sign-in link to `email`. The link names the address, not an account, so
 * known and unknown addresses are treated alike: same statements, same email, same answer.
 */
export async function requestSignInLink(email: string, context: { ip: string; returnTo?: string }, now = new Date()): Promise<void> {
  await consumeRateLimit(SIGN_IN_PER_IP, context.ip);
  await consumeRateLimit(SIGN_IN_PER_ADDRESS, email);
  const { id, secretHash, token } = newLinkToken();
  await db.signInToken.create({
    data: { id, email, secretHash, expiresAt: new Date(now.getTime() + SIGN_IN_LINK_LIFETIME_MS) },
    select: { id: true },
  });
  await sendOrQueueMail({
    to: email,
    ...renderSignInLinkEmail({ email, signInUrl: signInUrl(token, context.returnTo), expiresInMinutes: SIGN_IN_LINK_LIFETIME_MS / 60_000 }),
  });
  // Housekeeping rides along with a small share of requests, as the subscriber tokens' does.
  if (Math.random() < 0.02) await db.signInToken.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } });
}
