/**
 * The Message-ID of a subscriber's digest for a period: the same on every attempt, so a receiver
 * that got a copy before a crash cut off our record of it can recognise the second one.
 */
export function digestMessageId(subscriberId: number, periodKey: string, appUrl: string): string {
  return `<digest.${subscriberId}.${periodKey}@${new URL(appUrl).hostname}>`;
}

/** X-Entity-Ref-ID: unique per digest, so Gmail never threads one day's digest under another's. */
export function digestEntityRefId(subscriberId: number, periodKey: string): string {
  return `paperpulse-digest-${subscriberId}-${periodKey}`;
}
