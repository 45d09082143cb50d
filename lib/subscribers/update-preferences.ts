import "server-only";

import { db } from "@/lib/db";

import { requireToken } from "./check-token";
import { replaceTopics } from "./replace-topics";
import type { Preferences } from "./subscription-input";

/** Saves everything on the manage page at once; saving the same form twice changes nothing more. */
export async function updatePreferences(token: string | undefined, preferences: Preferences): Promise<void> {
  const subscriberId = await requireToken(token, ["manage"]);
  const { topics, categories, authors, ...settings } = preferences;
  await db.$transaction(async (tx) => {
    await tx.subscriber.updateMany({ where: { id: subscriberId }, data: settings });
    await replaceTopics(tx, subscriberId, { topics, categories, authors });
  });
}
