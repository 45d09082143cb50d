"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";

import { env } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { removePapers, savePapers } from "@/lib/library/save-papers";
import { ratePaper, type Rating } from "@/lib/library/rate-paper";
import { isValidArxivId } from "@/lib/papers/arxiv-id";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { getCurrentReader } from "@/lib/readers/current-reader";
import { LIBRARY_WRITES_PER_READER } from "@/lib/readers/rate-limits";
import { safeReturnPath } from "@/lib/readers/return-path";

export type SaveState = { saved: boolean; error: string | null };
export type RatingState = { rating: Rating | null; error: string | null };

const saveForm = z.object({
  arxivId: z.string().refine(isValidArxivId),
  saved: z.enum(["true", "false"]).transform((value) => value === "true"),
});
const rateForm = z.object({ arxivId: z.string().refine(isValidArxivId), rating: z.enum(["more", "less", "none"]) });

/** The signed-in reader, or (for a form posted without JavaScript) off to sign in and back. */
async function readerOrSignIn(): Promise<number> {
  const reader = await getCurrentReader();
  if (reader) return reader.readerId;
  const referer = (await headers()).get("referer");
  const from = referer && URL.canParse(referer) ? new URL(referer) : null;
  const back = from && from.origin === new URL(env.APP_URL).origin ? safeReturnPath(`${from.pathname}${from.search}`) : "/library";
  redirect(`/sign-in?next=${encodeURIComponent(back)}`);
}

/** Runs a change and turns an expected failure into the form's error; nothing but the button changes. */
async function guarded<State extends { error: string | null }>(previous: State, change: () => Promise<State>): Promise<State> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof AppError) return { ...previous, error: error.message };
    throw error;
  }
}

export async function saveAction(previous: SaveState, form: FormData): Promise<SaveState> {
  const input = saveForm.safeParse({ arxivId: form.get("arxivId"), saved: form.get("saved") });
  if (!input.success) return { ...previous, error: "That could not be read; reload the page and try again." };
  const readerId = await readerOrSignIn();
  return guarded(previous, async () => {
    await consumeRateLimit(LIBRARY_WRITES_PER_READER, String(readerId));
    if (input.data.saved) {
      const outcome = await savePapers(readerId, [input.data.arxivId]);
      if (outcome.unknown.length) return { ...previous, error: "This paper no longer exists." };
    } else {
      await removePapers(readerId, [input.data.arxivId]);
    }
    return { saved: input.data.saved, error: null };
  });
}

export async function rateAction(previous: RatingState, form: FormData): Promise<RatingState> {
  const input = rateForm.safeParse({ arxivId: form.get("arxivId"), rating: form.get("rating") });
  if (!input.success) return { ...previous, error: "That could not be read; reload the page and try again." };
  const readerId = await readerOrSignIn();
  return guarded(previous, async () => {
    await consumeRateLimit(LIBRARY_WRITES_PER_READER, String(readerId));
    const rating = input.data.rating === "none" ? null : input.data.rating;
    if (!(await ratePaper(readerId, input.data.arxivId, rating))) return { ...previous, error: "This paper no longer exists." };
    return { rating, error: null };
  });
}
