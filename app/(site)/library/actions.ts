"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { AppError } from "@/lib/http/app-error";
import { splitTags, tagNameSchema } from "@/lib/library/library-query";
import { removePapers, savePapers } from "@/lib/library/save-papers";
import { ratePaper, type Rating } from "@/lib/library/rate-paper";
import { addTags, removeTags, setPaperTags } from "@/lib/library/tag-papers";
import { isValidArxivId } from "@/lib/papers/arxiv-id";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { getCurrentReader } from "@/lib/readers/current-reader";
import { parsePendingSaves } from "@/lib/readers/pending-saves-field";
import { LIBRARY_WRITES_PER_READER } from "@/lib/readers/rate-limits";
import { safeReturnPath } from "@/lib/readers/return-path";

async function requireReader(): Promise<number> {
  const reader = await getCurrentReader();
  if (!reader) redirect("/sign-in?next=/library");
  return reader.readerId;
}

/** Back to the library view the form was posted from, with a notice. */
function back(form: FormData, notice: string): never {
  const from = safeReturnPath(form.get("returnTo"));
  const url = new URL(from.startsWith("/library") ? from : "/library", "http://x");
  url.searchParams.set("notice", notice);
  revalidatePath("/library");
  redirect(`${url.pathname}${url.search}`);
}

function tagsOf(value: FormDataEntryValue | null): string[] | null {
  const names = splitTags(typeof value === "string" ? value : "");
  return names.every((name) => tagNameSchema.safeParse(name).success) ? names : null;
}

const RATINGS = new Map<string, Rating | null>([
  ["rate-more", "more"],
  ["rate-less", "less"],
  ["rate-none", null],
]);

const arxivIdsOf = (form: FormData) =>
  form.getAll("arxivId").filter((value): value is string => typeof value === "string" && isValidArxivId(value));

async function attempt(readerId: number, form: FormData, change: () => Promise<string>): Promise<never> {
  let notice: string;
  try {
    await consumeRateLimit(LIBRARY_WRITES_PER_READER, String(readerId));
    notice = await change();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    notice = error.code === "rate_limited" ? "slow-down" : "bad-tags";
  }
  back(form, notice);
}

/** The bulk bar: remove the ticked papers, or add or take off a tag on all of them. */
export async function bulkAction(form: FormData): Promise<void> {
  const readerId = await requireReader();
  await attempt(readerId, form, async () => {
    const arxivIds = arxivIdsOf(form);
    if (arxivIds.length === 0) return "none-selected";
    const intent = form.get("intent");
    if (intent === "remove") {
      await removePapers(readerId, arxivIds);
      return "removed";
    }
    const names = tagsOf(form.get("tag"));
    if (!names || names.length === 0) return "bad-tags";
    if (intent === "add-tag") await addTags(readerId, arxivIds, names);
    else await removeTags(readerId, arxivIds, names);
    return "retagged";
  });
}

/** A library card's form: save its tags, remove it from the library, or rate it ("rate-none" takes the rating back). */
export async function itemAction(form: FormData): Promise<void> {
  const readerId = await requireReader();
  await attempt(readerId, form, async () => {
    const [arxivId] = arxivIdsOf(form);
    if (!arxivId) return "bad-tags";
    const intent = form.get("intent");
    if (intent === "remove") {
      await removePapers(readerId, [arxivId]);
      return "removed";
    }
    const rating = typeof intent === "string" ? RATINGS.get(intent) : undefined;
    if (rating !== undefined) {
      await ratePaper(readerId, arxivId, rating);
      return "rated";
    }
    const names = tagsOf(form.get("tags"));
    if (!names) return "bad-tags";
    await setPaperTags(readerId, arxivId, names);
    return "tags-saved";
  });
}

/** Papers saved in this browser before signing in (the link may have been opened elsewhere). */
export async function mergeBrowserSavesAction(ids: string[]): Promise<number> {
  const reader = await getCurrentReader();
  if (!reader) return 0;
  const outcome = await savePapers(reader.readerId, parsePendingSaves(ids.join(" ")));
  if (outcome.saved.length) revalidatePath("/library");
  return outcome.saved.length;
}
