"use server";

import { redirect } from "next/navigation";

import { attempt } from "@/lib/http/expected-failure";
import { unsubscribe } from "@/lib/subscribers/unsubscribe";

/** The page's button. Either way the page shows the outcome: unsubscribed, or why the link failed. */
export async function unsubscribeAction(form: FormData): Promise<void> {
  const token = String(form.get("token") ?? "");
  await attempt(() => unsubscribe(token));
  redirect(`/unsubscribe?token=${encodeURIComponent(token)}`);
}
