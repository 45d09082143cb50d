"use server";

import { cookies, headers } from "next/headers";
import { z } from "zod";

import { attempt } from "@/lib/http/expected-failure";
import { clientIp } from "@/lib/http/client-ip";
import { isValidArxivId } from "@/lib/papers/arxiv-id";
import { setUpvote, type Voter } from "@/lib/papers/upvote-paper";
import { voterNetworkKey } from "@/lib/papers/voter-network";
import { VOTED_COOKIE, VOTER_COOKIE, voterCookieOptions, voterHashFromToken } from "@/lib/papers/voter-token";
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

  // A signed-in reader votes once whatever the browser, as a network of their own (their browser's
  // earlier vote moved to them at sign-in). Anyone else needs the cookie the paper page sets: a vote
  // without it did not follow a page view.
  const reader = await getCurrentReader();
  const ip = clientIp(await headers());
  let voter: Voter;
  if (reader) {
    voter = { hash: readerVoterHash(reader.readerId), networkKey: `reader:${reader.readerId}` };
  } else {
    const voterHash = voterHashFromToken((await cookies()).get(VOTER_COOKIE)?.value);
    if (!voterHash) return { ...previous, error: "Voting needs the cookie this page sets: allow cookies, reload the page and vote again." };
    voter = { hash: voterHash, networkKey: voterNetworkKey(ip) };
  }

  // The address's rate limit, then the network's daily share of new voters (setUpvote refuses past it).
  const voted = await attempt(async () => {
    await consumeRateLimit(UPVOTES_PER_IP, ip);
    return setUpvote(input.data.arxivId, voter, input.data.upvoted, reader?.readerId ?? null);
  });
  if (!voted.ok) return { ...previous, error: voted.error.message };
  if (!voted.value) return { ...previous, error: "This paper no longer exists." };
  if (!reader) (await cookies()).set(VOTED_COOKIE, "1", voterCookieOptions());
  return { ...voted.value, error: null };
}
