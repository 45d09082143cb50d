"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { AppError } from "@/lib/http/app-error";
import { ratePaper } from "@/lib/library/rate-paper";
import { removePapers } from "@/lib/library/save-papers";
import { isValidArxivId } from "@/lib/papers/arxiv-id";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { getCurrentReader } from "@/lib/readers/current-reader";
import { LIBRARY_WRITES_PER_READER } from "@/lib/readers/rate-limits";

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
