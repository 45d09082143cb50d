"use server";

import { refresh, revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { AppError } from "@/lib/http/app-error";
import { ratePaper } from "@/lib/library/rate-paper";
import { removePapers, savePapers } from "@/lib/library/save-papers";
import { isValidArxivId } from "@/lib/papers/arxiv-id";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { getCurrentReader } from "@/lib/readers/current-reader";
import { LIBRARY_WRITES_PER_READER } from "@/lib/readers/rate-limits";
import { safeReturnPath } from "@/lib/readers/return-path";

const tasteForm = z.object({ arxivId: z.string().refine(isValidArxivId), intent: z.enum(["like", "dislike", "forget"]) });

/**
 * The taste editor's buttons: flip a paper to "More like this" or "Not for me", or forget it
 * (out of the library and unrated), then back to the editor with what happened.
 */
export async function editTasteAction(form: FormData): Promise<void> {
  const reader = await getCurrentReader();
  if (!reader) redirect("/sign-in?next=/for-you/taste");
  const input = tasteForm.safeParse({ arxivId: form.get("arxivId"), intent: form.get("intent") });
  let notice: string = input.success ? input.data.intent : "unreadable";
  if (input.success) {
    const { arxivId, intent } = input.data;
    try {
      await consumeRateLimit(LIBRARY_WRITES_PER_READER, String(reader.readerId));
      if (intent === "forget") {
        await removePapers(reader.readerId, [arxivId]);
        await ratePaper(reader.readerId, arxivId, null);
      } else {
        await ratePaper(reader.readerId, arxivId, intent === "like" ? "more" : "less");
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      notice = "slow-down";
    }
  }
  revalidatePath("/for-you", "layout");
  redirect(`/for-you/taste?notice=${notice}`);
}

const RATINGS = { "rate-more": "more", "rate-less": "less", "rate-none": null } as const;
const markForm = z.object({
  arxivId: z.string().refine(isValidArxivId),
  intent: z.enum(["save", "remove", "rate-more", "rate-less", "rate-none"]),
});

/** What a For you card's buttons ask for (ForYouControls). */
export type MarkIntent = z.infer<typeof markForm>["intent"];

/**
 * A For you card's form: save the paper or take it out of the library, or rate it ("rate-none"
 * takes the rating back). The page is rendered again, its list ranked from the new taste: with
 * JavaScript by refresh(), without by answering the post with the page. A change that fails goes
 * back to the page (`returnTo`) with a notice of why.
 */
export async function markAction(form: FormData): Promise<void> {
  const reader = await getCurrentReader();
  if (!reader) redirect("/sign-in?next=/for-you");
  const input = markForm.safeParse({ arxivId: form.get("arxivId"), intent: form.get("intent") });
  let notice: string | null = input.success ? null : "unreadable";
  if (input.success) {
    const { arxivId, intent } = input.data;
    try {
      await consumeRateLimit(LIBRARY_WRITES_PER_READER, String(reader.readerId));
      if (!(await mark(reader.readerId, arxivId, intent))) notice = "gone";
    } catch (error) {
      if (!(error instanceof AppError && error.code === "rate_limited")) throw error;
      notice = "slow-down";
    }
  }
  if (notice === null) return refresh();
  const back = new URL(forYouPath(form.get("returnTo")), "http://x");
  back.searchParams.set("notice", notice);
  redirect(`${back.pathname}${back.search}`);
}

/** The For you view a form was posted from, or the default one. */
function forYouPath(value: FormDataEntryValue | null): string {
  const path = safeReturnPath(value);
  return path === "/for-you" || path.startsWith("/for-you?") ? path : "/for-you";
}

/** Saves, removes or rates the paper; false when it no longer exists. */
async function mark(readerId: number, arxivId: string, intent: MarkIntent): Promise<boolean> {
  if (intent === "save") return (await savePapers(readerId, [arxivId])).unknown.length === 0;
  if (intent === "remove") {
    await removePapers(readerId, [arxivId]);
    return true;
  }
  return ratePaper(readerId, arxivId, RATINGS[intent]);
}
