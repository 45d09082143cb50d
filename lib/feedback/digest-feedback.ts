import "server-only";

import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ratePaper } from "@/lib/library/rate-paper";
import { removePapers, savePapers } from "@/lib/library/save-papers";

import { verifyFeedbackToken, type FeedbackAction } from "./feedback-token";

export type FeedbackPaper = { arxivId: string; title: string };

export type FeedbackState =
  | { ok: false; reason: "invalid" | "expired" }
  /** `applied`: the reader's library already says what the link asks (saved, or rated so). */
  | { ok: true; action: FeedbackAction; email: string; paper: FeedbackPaper; applied: boolean };

type Target = { email: string; arxivId: string; title: string; readerId: number | null };

/** The subscriber and paper a genuine token names, with the reader of that address if there is one. */
async function findTarget(token: string | undefined, now: Date) {
  const check = verifyFeedbackToken(env.APP_SECRET, token, now);
  if (!check.ok) return check;
  const { subscriberId, paperId, action } = check.grant;
  const [target] = await db.$queryRaw<Target[]>`
    SELECT s.email, p.arxiv_id AS "arxivId", p.title, r.id AS "readerId"
    FROM subscriber s CROSS JOIN paper p LEFT JOIN reader r ON r.email = s.email
    WHERE s.id = ${subscriberId} AND p.id = ${paperId}`;
  // A deleted subscription or paper leaves nothing to act on: the link is no longer valid.
  if (!target) return { ok: false as const, reason: "invalid" as const };
  return { ok: true as const, action, paperId, target };
}

async function isApplied(readerId: number | null, paperId: number, action: FeedbackAction): Promise<boolean> {
  if (readerId === null) return false;
  const [row] = await db.$queryRaw<{ applied: boolean }[]>`
    SELECT CASE WHEN ${action} = 'save'
                THEN EXISTS (SELECT 1 FROM library_item WHERE reader_id = ${readerId} AND paper_id = ${paperId})
                ELSE EXISTS (SELECT 1 FROM paper_rating WHERE reader_id = ${readerId} AND paper_id = ${paperId}
                                                          AND rating::text = ${action})
           END AS applied`;
  return row?.applied ?? false;
}

/** What the page a feedback link opens shows. Reading it changes nothing, so mail scanners rate nothing. */
export async function getFeedbackState(token: string | undefined, now = new Date()): Promise<FeedbackState> {
  const found = await findTarget(token, now);
  if (!found.ok) return found;
  const { action, paperId, target } = found;
  return {
    ok: true,
    action,
    email: target.email,
    paper: { arxivId: target.arxivId, title: target.title },
    applied: await isApplied(target.readerId, paperId, action),
  };
}

/**
 * The page's button: does what the link says for the reader with the subscriber's address (the
 * same person; the reader is created on first use), or takes it back when `undo`. Repeating either
 * changes nothing more, so a replayed or double-sent form is harmless.
 */
export async function applyFeedback(token: string | undefined, undo: boolean, now = new Date()): Promise<FeedbackState> {
  const found = await findTarget(token, now);
  if (!found.ok) return found;
  const { action, target } = found;
  let readerId = target.readerId;
  if (readerId === null && !undo) {
    const [reader] = await db.$queryRaw<{ id: number }[]>`
      INSERT INTO reader (email) VALUES (${target.email})
      ON CONFLICT (email) DO UPDATE SET email = excluded.email
      RETURNING id`;
    readerId = reader!.id;
  }
  // Undo takes back only what this link did: a different rating given since stays.
  if (readerId !== null && (!undo || (await isApplied(readerId, found.paperId, action)))) {
    if (action === "save") await (undo ? removePapers(readerId, [target.arxivId]) : savePapers(readerId, [target.arxivId]));
    else await ratePaper(readerId, target.arxivId, undo ? null : action);
  }
  return getFeedbackState(token, now);
}
