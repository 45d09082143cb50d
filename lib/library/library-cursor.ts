import { z } from "zod";

/** Where a library page ended: its last item's sort value and paper id. */
export type LibraryCursor = { value: string; paperId: number };

const cursorSchema = z.tuple([z.string().max(2_000), z.number().int().positive()]);

export function encodeLibraryCursor(cursor: LibraryCursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.paperId])).toString("base64url");
}

/** Null for anything that is not a cursor we issued. */
export function decodeLibraryCursor(value: string | undefined): LibraryCursor | null {
  if (!value || !/^[A-Za-z0-9_-]{1,3000}$/.test(value)) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? { value: parsed.data[0], paperId: parsed.data[1] } : null;
  } catch {
    return null;
  }
}
