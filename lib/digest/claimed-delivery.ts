import { Prisma } from "@/lib/generated/prisma/client";

/** A delivery a run holds the lease on, and must send, skip, fail or release. */
export type ClaimedDelivery = {
  id: number;
  subscriberId: number;
  periodKey: string;
  windowStart: Date;
  windowEnd: Date;
  messageId: string;
  attempts: number;
};

export const claimedDeliveryColumns = Prisma.sql`
  d.id, d.subscriber_id AS "subscriberId", d.period_key AS "periodKey", d.window_start AS "windowStart",
  d.window_end AS "windowEnd", d.message_id AS "messageId", d.attempts`;
