"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";

import { attempt } from "@/lib/http/expected-failure";
import { clientIp } from "@/lib/http/client-ip";
import { SUBMIT_EXAMPLE, refreshPaperFromArxiv, submitPaper } from "@/lib/ingest/submit-paper";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";

import type { SubmitFormState } from "./_components/submit-form-state";

const submitForm = z.object({
  paper: z
    .string({ error: `Paste an arXiv id or link, e.g. ${SUBMIT_EXAMPLE}.` })
    .trim()
    .min(1, `Paste an arXiv id or link, e.g. ${SUBMIT_EXAMPLE}.`)
    .max(500, "That is too long for an arXiv id or link."),
});

// Each submission may cost a request to arXiv, which allows one every three seconds for everyone.
const SUBMISSIONS_PER_IP = { name: "submit-paper-ip", limit: 10, windowSeconds: 600 };

export async function submitPaperAction(_previous: SubmitFormState, form: FormData): Promise<SubmitFormState> {
  const raw = form.get("paper");
  const input = typeof raw === "string" ? raw : "";
  const parsed = submitForm.safeParse({ paper: raw });
  if (!parsed.success) {
    return { status: "error", input, fieldError: parsed.error.issues[0]?.message ?? "Check this field.", formError: null, paper: null };
  }
  const ip = clientIp(await headers());
  const outcome = await attempt(async () => {
    await consumeRateLimit(SUBMISSIONS_PER_IP, ip);
    return submitPaper(parsed.data.paper);
  });
  if (outcome.ok) {
    const paper = outcome.value;
    // A paper we already have opens at once; arXiv's newer metadata, if any, follows in the background.
    if (paper.refreshFromArxiv) after(() => refreshPaperFromArxiv(paper.arxivId));
    if (paper.status === "known") redirect(`/papers/${paper.arxivId}`);
    return { status: "done", input: "", fieldError: null, formError: null, paper };
  }
  const { code, message } = outcome.error;
  const aboutTheInput = code === "bad_request" || code === "not_found";
  return {
    status: "error",
    input,
    fieldError: aboutTheInput ? message : null,
    formError: aboutTheInput ? null : message,
    paper: null,
  };
}
