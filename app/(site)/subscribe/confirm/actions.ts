"use server";

import { redirect } from "next/navigation";

import { confirmSubscription } from "@/lib/subscribers/confirm-subscription";

/** Spends the confirmation link and moves on to the manage page with a fresh manage link. */
export async function confirmAction(form: FormData): Promise<void> {
  const token = String(form.get("token") ?? "");
  const result = await confirmSubscription(token);
  if (result.ok) redirect(`/subscriptions/manage?token=${encodeURIComponent(result.manageToken)}&notice=confirmed`);
  redirect(`/subscribe/confirm?token=${encodeURIComponent(token)}`);
}
