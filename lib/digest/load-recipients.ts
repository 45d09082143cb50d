import "server-only";

import { db } from "@/lib/db";
import type { DigestFrequency, TopicKind } from "@/lib/generated/prisma/enums";

import type { DigestRecipient } from "./digest-content";

type Row = Omit<DigestRecipient, "topics"> & { kinds: TopicKind[]; values: string[] };

/** The subscribers among `ids` who may still be sent a digest, with their topics, in one query. */
export async function loadRecipients(ids: number[]): Promise<Map<number, DigestRecipient>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<Row[]>`
    SELECT s.id, s.email, s.frequency, s.weekday, s.time_zone AS "timeZone", s.max_papers AS "maxPapers",
           s.send_when_quiet AS "sendWhenQuiet",
           coalesce(array_agg(t.kind::text ORDER BY t.position, t.value) FILTER (WHERE t.kind IS NOT NULL), '{}') AS kinds,
           coalesce(array_agg(t.value ORDER BY t.position, t.value) FILTER (WHERE t.kind IS NOT NULL), '{}') AS values
    FROM subscriber s
    LEFT JOIN subscriber_topic t ON t.subscriber_id = s.id
    WHERE s.id = ANY(${ids}::int[]) AND s.status = 'active' AND s.paused_at IS NULL
    GROUP BY s.id`;
  return new Map(
    rows.map(({ kinds, values, frequency, ...recipient }) => [
      recipient.id,
      {
        ...recipient,
        frequency: frequency as DigestFrequency,
        topics: kinds.map((kind, index) => ({ kind, value: values[index]! })),
      },
    ]),
  );
}
