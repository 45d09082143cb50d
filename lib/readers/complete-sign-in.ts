import "server-only";

import { db } from "@/lib/db";
import { savePapers } from "@/lib/library/save-papers";
import { retrainAfterWrite } from "@/lib/recommend/stored-reader-model";
import { parseLinkToken, secretMatches } from "@/lib/subscribers/link-token";
import type { TokenFailure } from "@/lib/subscribers/token-failure";

import { adoptBrowserVotes } from "./reader-voter";
import { createSession, readSession } from "./sessions";

export type SignInTokenCheck = { ok: true; tokenId: string; email: string } | { ok: false; reason: TokenFailure };

/**
 * Whether a sign-in link is one we sent and still usable, without spending it (the page the link
 * opens calls this). Expired and used are only reported once the secret matched.
 */
export async function checkSignInToken(token: string | undefined, now = new Date()): Promise<SignInTokenCheck> {
  const parsed = token ? parseLinkToken(token) : null;
  if (!parsed) return { ok: false, reason: "invalid" };
  const row = await db.signInToken.findUnique({
    where: { id: parsed.id },
    select: { email: true, secretHash: true, expiresAt: true, usedAt: true },
  });
  if (!secretMatches(parsed.secret, row?.secretHash ?? null) || !row) return { ok: false, reason: "invalid" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, tokenId: parsed.id, email: row.email };
}

export type SignInContext = {
  /** The session cookie the browser already had: it ends here, so no session id outlives a sign-in. */
  previousSessionToken?: string;
  /** The browser's anonymous voter hash, whose votes become the reader's. */
  browserVoterHash?: string | null;
  /** Papers saved in this browser before signing in. */
  pendingArxivIds?: string[];
};

export type SignInResult = { ok: true; readerId: number; sessionToken: string } | { ok: false; reason: TokenFailure };

/**
 * Spends a sign-in link and opens a new session. The token is marked used by the same statement
 * that checks it is unused, so two clicks (or a replay) sign in once. The reader row is created on
 * first use; an existing subscriber with the address is the same person (matched by email).
 * Papers saved in the browser before go into the library, and the model retrains once that commits.
 */
export async function completeSignIn(token: string | undefined, context: SignInContext = {}, now = new Date()): Promise<SignInResult> {
  const check = await checkSignInToken(token, now);
  if (!check.ok) return check;
  const previous = await readSession(context.previousSessionToken, now);
  const result = await db.$transaction(async (tx): Promise<SignInResult> => {
    const spent = await tx.signInToken.updateMany({
      where: { id: check.tokenId, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (spent.count === 0) return { ok: false, reason: "used" };
    const [reader] = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO reader (email, last_sign_in_at) VALUES (${check.email}, ${now})
      ON CONFLICT (email) DO UPDATE SET last_sign_in_at = excluded.last_sign_in_at
      RETURNING id`;
    const readerId = reader!.id;
    if (previous) await tx.readerSession.deleteMany({ where: { id: previous.sessionId } });
    const sessionToken = await createSession(readerId, tx, now);
    await adoptBrowserVotes(tx, readerId, context.browserVoterHash ?? null);
    await savePapers(readerId, context.pendingArxivIds ?? [], tx);
    return { ok: true, readerId, sessionToken };
  });
  if (result.ok && context.pendingArxivIds?.length) await retrainAfterWrite(result.readerId);
  return result;
}
