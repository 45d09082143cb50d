import "server-only";

import { db } from "@/lib/db";

const UNCONFIRMED_DAYS = 7;

/**
 * Forgets what is no longer needed: tokens a day past expiry, and addresses that were subscribed
 * but never confirmed within a week (someone else's address typed into the form, most likely).
 */
export async function purgeStale(): Promise<{ tokens: number; subscribers: number }> {
  const tokens = await db.$executeRaw`DELETE FROM subscriber_token WHERE expires_at < now() - interval '1 day'`;
  const subscribers = await db.$executeRaw`
    DELETE FROM subscriber
    WHERE status = 'pending' AND confirmed_at IS NULL AND updated_at < now() - make_interval(days => ${UNCONFIRMED_DAYS})`;
  return { tokens, subscribers };
}
