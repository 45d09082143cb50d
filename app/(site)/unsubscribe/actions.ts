"use server";

import { redirect } from "next/navigation";

import { AppError } from "@/lib/http/app-error";
import { unsubscribe } from "@/lib/subscribers/unsubscribe";

/** The page's button. Either way the page shows the outcome: unsubscribed, or why the link failed. */
export async function unsubscribeAction(form: FormData): Promise<void> {
  const token = String(form.get("token") ?? "");
  try {
    await unsubscribe(token);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
  redirect(`/unsubscribe?token=${encodeURIComponent(token)}`);
}
