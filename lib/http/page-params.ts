import { z } from "zod";

import { decodeCursor } from "@/lib/papers/feed-cursor";

/** Forms send empty fields; an empty field means "not set". */
export const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

/** `cursor`: where the previous page ended, exactly as a page of ours returned it. */
export const cursorParam = optionalParam(
  z.string().transform((value, context) => {
    const cursor = decodeCursor(value);
    if (!cursor) context.addIssue({ code: "custom", message: "cursor is not one this API returned" });
    return cursor ?? z.NEVER;
  }),
);

/** `limit`: papers per page, a whole number from 1 to `max`. */
export const limitParam = (defaultLimit: number, max: number) =>
  z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(max, `limit must be at most ${max}`)
    .default(defaultLimit);
