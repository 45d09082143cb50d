import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newLinkToken, parseLinkToken, secretMatches } from "@/lib/subscribers/link-token";

import { SESSION_IDLE_MS, SESSION_TOUCH_INTERVAL_MS } from "./lifetimes";

type Client = Prisma.TransactionClient | typeof db;

export type ReaderSession = { sessionId: string; readerId: number; email: string; expiresAt: Date };

/** A new session for a reader; the returned token goes in the cookie and nowhere else. */
export async function createSession(readerId: number, client: Client = db, now = new Date()): Promise<string> {
  const { id, secretHash, token } = newLinkToken();
  await client.readerSession.create({
    data: { id, readerId, secretHash, expiresAt: new Date(now.getTime() + SESSION_IDLE_MS), lastSeenAt: now },
    select: { id: true },
  });
  return token;
}

/**
 * Whether a stored session row is the one the cookie's secret opens (compared in constant time) and
 * has not expired. `row` is what a lookup by the cookie's id found, if anything.
 */
export function isOpenSession<Row extends { secretHash: Uint8Array; expiresAt: Date }>(
  secret: string,
  row: Row | null | undefined,
  now = new Date(),
): row is Row {
  return secretMatches(secret, row?.secretHash ?? null) && row != null && row.expiresAt > now;
}

/**
 * The session a cookie names, when its secret matches (in constant time) and it has not expired.
 * Use moves the expiry forward, at most once per SESSION_TOUCH_INTERVAL_MS so reads stay reads.
 */
export async function readSession(token: string | undefined, now = new Date()): Promise<ReaderSession | null> {
  const parsed = token ? parseLinkToken(token) : null;
  if (!parsed) return null;
  // One query, where Prisma's relation select asks for the session and its reader apart: every signed-in render pays it.
  const [row] = await db.$queryRaw<{ readerId: number; secretHash: Uint8Array; expiresAt: Date; lastSeenAt: Date; email: string }[]>`
    SELECT s.reader_id AS "readerId", s.secret_hash AS "secretHash", s.expires_at AS "expiresAt", s.last_seen_at AS "lastSeenAt", r.email
    FROM reader_session s JOIN reader r ON r.id = s.reader_id
    WHERE s.id = ${parsed.id}`;
  if (!isOpenSession(parsed.secret, row, now)) return null;
  let expiresAt = row.expiresAt;
  if (now.getTime() - row.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
    expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
    await db.readerSession.updateMany({ where: { id: parsed.id }, data: { lastSeenAt: now, expiresAt } });
  }
  return { sessionId: parsed.id, readerId: row.readerId, email: row.email, expiresAt };
}

/** Ends the session a cookie names (only when its secret matches: a guessed id ends nothing). */
export async function endSession(token: string | undefined): Promise<void> {
  const session = await readSession(token);
  if (session) await db.readerSession.deleteMany({ where: { id: session.sessionId } });
}

/** "Sign out everywhere": every session of the reader, on every device. */
export async function endAllSessions(readerId: number): Promise<number> {
  const { count } = await db.readerSession.deleteMany({ where: { readerId } });
  return count;
}
