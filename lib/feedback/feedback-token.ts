import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from "node:crypto";

/** What a digest's feedback link does: the library's save, "More like this" and "Not for me". */
export const FEEDBACK_ACTIONS = ["save", "more", "less"] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

const DAY_MS = 86_400_000;
/** Long enough for a digest read late; old emails' links then say they expired. */
export const FEEDBACK_LIFETIME_DAYS = 60;

export type FeedbackGrant = { subscriberId: number; paperId: number; action: FeedbackAction; expiresAt: Date };
export type FeedbackCheck = { ok: true; grant: FeedbackGrant } | { ok: false; reason: "invalid" | "expired" };

/**
 * "<subscriber>.<paper>.<action>.<expiry day>.<HMAC-SHA256>", signed with the app secret. A digest
 * carries three links per paper to every subscriber, so these are signed rather than stored like
 * the manage and unsubscribe tokens (lib/subscribers/link-token.ts): a run mints millions without
 * a write. The signature binds all four fields, so no part can be swapped for another.
 */
export function signFeedbackToken(secret: string, grant: Omit<FeedbackGrant, "expiresAt">, now: Date): string {
  const expiryDay = Math.floor(now.getTime() / DAY_MS) + FEEDBACK_LIFETIME_DAYS;
  const payload = `${grant.subscriberId}.${grant.paperId}.${grant.action}.${expiryDay}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** Whether a token is one we signed, and still in date; expired only ever for a genuine one. */
export function verifyFeedbackToken(secret: string, token: string | undefined, now = new Date()): FeedbackCheck {
  const match = token && token.length <= 120 ? /^(\d{1,10})\.(\d{1,10})\.(save|more|less)\.(\d{1,6})\.([\w-]{43})$/.exec(token) : null;
  if (!match) return { ok: false, reason: "invalid" };
  const [, subscriberId, paperId, action, expiryDay, signature] = match;
  const expected = Buffer.from(sign(secret, `${subscriberId}.${paperId}.${action}.${expiryDay}`));
  const given = Buffer.from(signature!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  const expiresAt = new Date(Number(expiryDay) * DAY_MS);
  if (expiresAt <= now) return { ok: false, reason: "expired" };
  return {
    ok: true,
    grant: { subscriberId: Number(subscriberId), paperId: Number(paperId), action: action as FeedbackAction, expiresAt },
  };
}

// The app signs with one secret: its key is prepared once, not again for each of a run's millions of links.
let signingKey: { secret: string; key: KeyObject } | null = null;

function sign(secret: string, payload: string): string {
  if (signingKey?.secret !== secret) signingKey = { secret, key: createSecretKey(Buffer.from(secret)) };
  return createHmac("sha256", signingKey.key).update(`digest-feedback:${payload}`).digest("base64url");
}
