import "server-only";

import { db } from "@/lib/db";

import { checkToken, type TokenFailure } from "./check-token";
import { issueTokens } from "./issue-tokens";

export type ConfirmResult = { ok: true; manageToken: string } | { ok: false; reason: TokenFailure };

/**
 * Spends a confirmation token and activates the subscriber. The token is marked used in the same
 * statement that checks it is unused, so two clicks (or two tabs) confirm once; the caller gets a
 * fresh manage token in exchange, and the address's other confirmation links stop working.
 */
export async function confirmSubscription(token: string | undefined): Promise<ConfirmResult> {
  const check = await checkToken(token, ["confirm"]);
  if (!check.ok) return check;
  return db.$transaction(async (tx): Promise<ConfirmResult> => {
    const spent = await tx.subscriberToken.updateMany({
      where: { id: check.tokenId, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (spent.count === 0) return { ok: false, reason: "used" };
    await tx.subscriber.update({
      where: { id: check.subscriberId },
      data: { status: "active", confirmedAt: new Date(), unsubscribedAt: null, hardBounces: 0 },
      select: { id: true },
    });
    await tx.subscriberToken.deleteMany({
      where: { subscriberId: check.subscriberId, purpose: "confirm", id: { not: check.tokenId } },
    });
    const [manageToken] = await issueTokens([{ subscriberId: check.subscriberId, purpose: "manage" }], tx);
    return { ok: true, manageToken: manageToken! };
  });
}
