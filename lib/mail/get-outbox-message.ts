import "server-only";

import { db } from "@/lib/db";

export type OutboxMessage = {
  id: number;
  recipient: string;
  subject: string;
  html: string;
  text: string;
  raw: string;
  createdAt: Date;
  /** The message's header fields as sent, unfolded, in order. */
  headers: { name: string; value: string }[];
  /** Every `label <url>` link of the text part, the same links the HTML has. */
  links: { label: string; url: string }[];
};

export async function getOutboxMessage(id: number): Promise<OutboxMessage | null> {
  const row = await db.outboxMessage.findUnique({
    where: { id },
    select: { id: true, recipient: true, subject: true, html: true, text: true, raw: true, createdAt: true },
  });
  if (!row) return null;
  return { ...row, headers: parseHeaders(row.raw), links: parseLinks(row.text) };
}

function parseHeaders(raw: string): { name: string; value: string }[] {
  const end = raw.search(/\r?\n\r?\n/);
  const block = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, " ");
  return block.split(/\r?\n/).flatMap((line) => {
    const colon = line.indexOf(":");
    return colon > 0 ? [{ name: line.slice(0, colon), value: line.slice(colon + 1).trim() }] : [];
  });
}

function parseLinks(text: string): { label: string; url: string }[] {
  return [...text.matchAll(/^(.*?)\s*<(https?:\/\/[^\s>]+)>/gm)].map((match) => ({
    label: match[1]!.trim() || match[2]!,
    url: match[2]!,
  }));
}
