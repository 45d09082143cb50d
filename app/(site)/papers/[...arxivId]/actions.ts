"use server";

import { cookies, headers } from "next/headers";
import { z } from "zod";

import { env } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { clientIp } from "@/lib/http/client-ip";
import { isValidArxivId } from "@/lib/papers/arxiv-id";
import { setUpvote } from "@/lib/papers/upvote-paper";
import { VOTER_COOKIE, issueVoterToken, voterHashFromToken } from "@/lib/papers/voter-token";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { getCurrentReader } from "@/lib/readers/current-reader";
import { readerVoterHash } from "@/lib/readers/reader-voter";

export type UpvoteFormState = { upvoted: boolean; upvotes: number; error: string | null };

const upvoteForm = z.object({
  arxivId: z.string().refine(isValidArxivId),
  upvoted: z.enum(["true", "false"]).transform((value) => value === "true"),
});

const UPVOTES_PER_IP = { name: "upvote-ip", limit: 60, windowSeconds: 600 };

export async function upvoteAction(previous: UpvoteFormState, formData: FormData): Promise<UpvoteFormState> {
  const input = upvoteForm.safeParse({ arxivId: formData.get("arxivId"), upvoted: formData.get("upvoted") });
  if (!input.success) return { ...previous, error: "That vote could not be read; reload the page and try again." };

  try {
    await consumeRateLimit(UPVOTES_PER_IP, clientIp(await headers()));
  } catch (error) {
    if (error instanceof AppError) return { ...previous, error: error.message };
    throw error;
  }

  // A signed-in reader votes once whatever the browser; their browser's earlier vote moved to them at sign-in.
  const reader = await getCurrentReader();
  if (reader) {
    const state = await setUpvote(input.data.arxivId, readerVoterHash(reader.readerId), input.data.upvoted, reader.readerId);
    return state ? { ...state, error: null } : { ...previous, error: "This paper no longer exists." };
  }

  const jar = await cookies();
  let voterHash = voterHashFromToken(jar.get(VOTER_COOKIE)?.value);
  if (!voterHash) {
    const token = issueVoterToken();
    jar.set(VOTER_COOKIE, token, {
      httpOnly: true,
      sameSite: "lax",
      secure: env.APP_URL.startsWith("https:"),
      path: "/",
      maxAge: 60 * 60 * 24 * 365 * 2,
    });
    voterHash = voterHashFromToken(token)!;
  }

  const state = await setUpvote(input.data.arxivId, voterHash, input.data.upvoted);
  if (!state) return { ...previous, error: "This paper no longer exists." };
  return { ...state, error: null };
}
