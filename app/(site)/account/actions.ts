"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { createApiToken, revokeApiToken } from "@/lib/readers/api-tokens";
import { getCurrentReader } from "@/lib/readers/current-reader";
import { deleteReader } from "@/lib/readers/delete-reader";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/readers/session-cookie";
import { issueTokens } from "@/lib/subscribers/issue-tokens";

import type { TokenFormState } from "./_components/token-form-state";

async function requireReader() {
  const reader = await getCurrentReader();
  if (!reader) redirect("/sign-in?next=/account");
  return reader;
}

/** The manage page of the digest, opened with a fresh manage link: the session proves the address. */
export async function openDigestSettingsAction(): Promise<void> {
  const reader = await requireReader();
  const subscriber = await db.subscriber.findUnique({ where: { email: reader.email }, select: { id: true } });
  if (!subscriber) redirect(`/subscribe?email=${encodeURIComponent(reader.email)}`);
  const [token] = await issueTokens([{ subscriberId: subscriber.id, purpose: "manage" }]);
  redirect(`/subscriptions/manage?token=${encodeURIComponent(token!)}`);
}

const tokenName = z.string().trim().min(1, "Name the token, e.g. after the script that uses it.").max(60, "At most 60 characters.");

export async function createTokenAction(_previous: TokenFormState, form: FormData): Promise<TokenFormState> {
  const reader = await requireReader();
  const name = tokenName.safeParse(form.get("name") ?? "");
  if (!name.success) return { token: null, error: name.error.issues[0]!.message };
  try {
    const token = await createApiToken(reader.readerId, name.data);
    revalidatePath("/account");
    return { token, error: null };
  } catch (error) {
    if (error instanceof AppError) return { token: null, error: error.message };
    throw error;
  }
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  const reader = await requireReader();
  await revokeApiToken(reader.readerId, String(form.get("tokenId") ?? ""));
  redirect("/account?notice=token-revoked");
}

export async function deleteAccountAction(form: FormData): Promise<void> {
  const reader = await requireReader();
  if (form.get("confirm") !== "yes") redirect("/account?notice=delete-unconfirmed");
  await deleteReader(reader.readerId);
  (await cookies()).set(SESSION_COOKIE, "", sessionCookieOptions(0));
  redirect("/sign-in?deleted=1");
}
