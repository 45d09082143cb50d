import "server-only";

import { db } from "@/lib/db";

import { issueTokens } from "./issue-tokens";
import { manageUrl, oneClickUnsubscribeUrl, unsubscribeUrl } from "./links";

export type EmailLinks = { manageUrl: string; unsubscribeUrl: string; oneClickUnsubscribeUrl: string };

type Client = Parameters<typeof issueTokens>[1];

/**
 * Fresh manage and unsubscribe links for emails to confirmed subscribers, for many subscribers in
 * one insert (a digest run passes a whole batch). Returned in the order of `subscriberIds`.
 */
export async function issueEmailLinks(subscriberIds: number[], client: Client = db): Promise<EmailLinks[]> {
  const tokens = await issueTokens(
    subscriberIds.flatMap((subscriberId) => [
      { subscriberId, purpose: "manage" as const },
      { subscriberId, purpose: "unsubscribe" as const },
    ]),
    client,
  );
  return subscriberIds.map((_, index) => {
    const manage = tokens[2 * index]!;
    const unsubscribe = tokens[2 * index + 1]!;
    return {
      manageUrl: manageUrl(manage),
      unsubscribeUrl: unsubscribeUrl(unsubscribe),
      oneClickUnsubscribeUrl: oneClickUnsubscribeUrl(unsubscribe),
    };
  });
}
