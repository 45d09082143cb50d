import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { newLinkToken, parseLinkToken, secretMatches } from "@/lib/subscribers/link-token";

const PREFIX = "pp_";
const MAX_TOKENS = 20;

export type ApiTokenSummary = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

/** A personal API token, shown once: "pp_<id>.<secret>", the secret stored only as SHA-256. */
export async function createApiToken(readerId: number, name: string): Promise<string> {
  if ((await db.readerApiToken.count({ where: { readerId } })) >= MAX_TOKENS) {
    throw new AppError("bad_request", `At most ${MAX_TOKENS} tokens; revoke one you no longer use.`, {
      fields: { name: ["too many tokens"] },
    });
  }
  const { id, secretHash, token } = newLinkToken();
  await db.readerApiToken.create({ data: { id, readerId, name, secretHash }, select: { id: true } });
  return `${PREFIX}${token}`;
}

export function listApiTokens(readerId: number): Promise<ApiTokenSummary[]> {
  return db.readerApiToken.findMany({
    where: { readerId },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiToken(readerId: number, tokenId: string): Promise<void> {
  await db.readerApiToken.deleteMany({ where: { id: tokenId, readerId } });
}

/** The reader a presented API token belongs to, compared in constant time; null otherwise. */
export async function readerOfApiToken(token: string): Promise<number | null> {
  const parsed = token.startsWith(PREFIX) ? parseLinkToken(token.slice(PREFIX.length)) : null;
  if (!parsed) return null;
  const row = await db.readerApiToken.findUnique({
    where: { id: parsed.id },
    select: { readerId: true, secretHash: true, lastUsedAt: true },
  });
  if (!secretMatches(parsed.secret, row?.secretHash ?? null) || !row) return null;
  // Written at most once a minute, so a busy script does not turn every read into a write.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.readerApiToken.updateMany({ where: { id: parsed.id }, data: { lastUsedAt: new Date() } });
  }
  return row.readerId;
}
