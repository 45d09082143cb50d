"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { authorHref, categoryHref } from "@/lib/papers/paper-links";
import { getCurrentReader } from "@/lib/readers/current-reader";
import { normalizeCategory } from "@/lib/search/arxiv-category";
import { isKnownCategory } from "@/lib/search/known-categories";
import { followTopic, subscribeHref, type FollowTarget } from "@/lib/subscribers/follow-topic";
import { MAX_AUTHOR_LENGTH } from "@/lib/subscribers/subscription-input";

const followForm = z.union([
  z.object({ kind: z.literal("author"), value: z.string().trim().min(1).max(MAX_AUTHOR_LENGTH) }),
  z.object({
    kind: z.literal("category"),
    value: z
      .string()
      .transform((value) => normalizeCategory(value) ?? "")
      .refine(isKnownCategory),
  }),
]);

/**
 * "Follow" on an author's or a category's page, for a signed-in reader with a digest: adds the
 * target to the digest's topics and comes back to the page (a plain form post without
 * JavaScript). Anyone else, or a session that ended meanwhile, goes to the subscribe page.
 */
export async function followAction(form: FormData): Promise<void> {
  const parsed = followForm.safeParse({ kind: form.get("kind"), value: form.get("value") });
  if (!parsed.success) redirect("/subscribe");
  const target: FollowTarget = parsed.data;
  const reader = await getCurrentReader();
  const followed = reader ? await followTopic(reader.email, target) : null;
  if (followed === null) redirect(subscribeHref(target));
  redirect(target.kind === "author" ? authorHref(target.value) : categoryHref(target.value));
}
