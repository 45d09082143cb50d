"use server";

import { redirect } from "next/navigation";

import { applyFeedback } from "@/lib/feedback/digest-feedback";

/** The page's one button (or its undo). The page then shows what the reader's library now says. */
export async function feedbackAction(form: FormData): Promise<void> {
  const token = String(form.get("token") ?? "");
  const undo = form.get("intent") === "undo";
  await applyFeedback(token, undo);
  redirect(`/digest/feedback?token=${encodeURIComponent(token)}&notice=${undo ? "undone" : "done"}`);
}
