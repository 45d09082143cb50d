import { z } from "zod";

/** Where the previous page ended: the sort key and id of its last paper. */
export type FeedCursor = { key: number; id: number };

const cursorSchema = z.tuple([z.number().finite(), z.number().int().positive()]);

export function encodeCursor(cursor: FeedCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

/** Null for anything that is not a cursor we issued. */
export function decodeCursor(value: string): FeedCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(value)) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? { key: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}
