import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

import type { TokenPurpose } from "@/lib/generated/prisma/enums";

const HOUR_MS = 3_600_000;

/**
 * How long a link works. Confirmation links are single-use and short; manage and unsubscribe
 * links ride in every email and must keep working for old emails (RFC 8058 senders are expected
 * to honour unsubscribe links long after sending).
 */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  confirm: 48 * HOUR_MS,
  manage: 90 * 24 * HOUR_MS,
  unsubscribe: 365 * 24 * HOUR_MS,
};

export type NewLinkToken = { id: string; secretHash: Uint8Array<ArrayBuffer>; token: string };

/** "<id>.<secret>": a 96-bit id that finds the row and a 256-bit secret kept only as SHA-256. */
export function newLinkToken(): NewLinkToken {
  const id = randomBytes(12).toString("base64url");
  const secret = randomBytes(32).toString("base64url");
  return { id, secretHash: hashSecret(secret), token: `${id}.${secret}` };
}

export function parseLinkToken(token: string): { id: string; secret: string } | null {
  const match = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

const NO_HASH = new Uint8Array(32);

/** Constant-time comparison of a presented secret with the stored hash (or with nothing, at the same cost). */
export function secretMatches(secret: string, storedHash: Uint8Array | null): boolean {
  const presented = hashSecret(secret);
  const stored = storedHash?.length === presented.length ? storedHash : NO_HASH;
  return timingSafeEqual(presented, stored) && stored !== NO_HASH;
}

function hashSecret(secret: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash("sha256").update(secret).digest());
}
