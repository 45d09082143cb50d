import "server-only";

import { db } from "@/lib/db";
import type { TokenPurpose } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";

import { parseLinkToken, secretMatches } from "./link-token";
import { TOKEN_FAILURE_MESSAGES, type TokenFailure } from "./token-failure";

export type { TokenFailure } from "./token-failure";

export type TokenCheck = { ok: true; tokenId: string; subscriberId: number; purpose: TokenPurpose } | { ok: false; reason: TokenFailure };

/**
 * Whether a link token is one we issued for one of `purposes` and still usable. Expired and used
 * are only ever reported for a token whose secret matched, so they reveal nothing to a guesser.
 */
export async function checkToken(token: string | undefined, purposes: TokenPurpose[], now = new Date()): Promise<TokenCheck> {
  const parsed = token ? parseLinkToken(token) : null;
  if (!parsed) return { ok: false, reason: "invalid" };
  const row = await db.subscriberToken.findUnique({
    where: { id: parsed.id },
    select: { subscriberId: true, purpose: true, secretHash: true, expiresAt: true, usedAt: true },
  });
  if (!secretMatches(parsed.secret, row?.secretHash ?? null) || !row || !purposes.includes(row.purpose)) {
    return { ok: false, reason: "invalid" };
  }
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, tokenId: parsed.id, subscriberId: row.subscriberId, purpose: row.purpose };
}

/** checkToken for actions: the subscriber id, or an AppError whose message says what to do. */
export async function requireToken(token: string | undefined, purposes: TokenPurpose[]): Promise<number> {
  const check = await checkToken(token, purposes);
  if (!check.ok) throw new AppError("not_found", TOKEN_FAILURE_MESSAGES[check.reason]);
  return check.subscriberId;
}
