import "server-only";

import { db } from "@/lib/db";
import type { TokenPurpose } from "@/lib/generated/prisma/enums";

import { TOKEN_LIFETIME_MS, newLinkToken } from "./link-token";

type Client = Pick<typeof db, "subscriberToken">;

/**
 * Mints link tokens in one insert and returns them in request order. Only the hashes are stored,
 * so a link can be put in an email only when it is minted.
 */
export async function issueTokens(
  requests: { subscriberId: number; purpose: TokenPurpose }[],
  client: Client = db,
  now = new Date(),
): Promise<string[]> {
  const tokens = requests.map((request) => ({ ...request, ...newLinkToken() }));
  await client.subscriberToken.createMany({
    data: tokens.map(({ id, subscriberId, purpose, secretHash }) => ({
      id,
      subscriberId,
      purpose,
      secretHash,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
    })),
  });
  return tokens.map(({ token }) => token);
}
