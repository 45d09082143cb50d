"use server";

import { headers } from "next/headers";

import { AppError } from "@/lib/http/app-error";
import { clientIp } from "@/lib/http/client-ip";
import { SIGN_IN_LINK_SENT, requestSignInLink } from "@/lib/readers/request-sign-in-link";
import { emailSchema } from "@/lib/subscribers/subscription-input";

import type { SignInFormState } from "./_components/sign-in-form-state";

export async function requestSignInLinkAction(_previous: SignInFormState, form: FormData): Promise<SignInFormState> {
  const email = typeof form.get("email") === "string" ? (form.get("email") as string) : "";
  const next = typeof form.get("next") === "string" ? (form.get("next") as string) : undefined;
  const input = emailSchema.safeParse(email);
  if (!input.success) return { status: "error", message: input.error.issues[0]?.message ?? "Enter a valid email address.", email };
  try {
    await requestSignInLink(input.data, { ip: clientIp(await headers()), returnTo: next });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const wait = error.details?.retryAfterSeconds;
    return { status: "error", message: wait ? `${error.message} You can try again in ${Math.ceil(wait / 60)} min.` : error.message, email };
  }
  return { status: "sent", message: SIGN_IN_LINK_SENT, email };
}
