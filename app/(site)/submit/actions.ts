"use server";

import { headers } from "next/headers";
import { z } from "zod";

import { AppError } from "@/lib/http/app-error";
import { clientIp } from "@/lib/http/client-ip";
import { SUBMIT_EXAMPLE, submitPaper } from "@/lib/ingest/submit-paper";
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
  try {
    await consumeRateLimit(SUBMISSIONS_PER_IP, clientIp(await headers()));
    const paper = await submitPaper(parsed.data.paper);
    return { status: "done", input: "", fieldError: null, formError: null, paper };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const aboutTheInput = error.code === "bad_request" || error.code === "not_found";
    return {
      status: "error",
      input,
      fieldError: aboutTheInput ? error.message : null,
      formError: aboutTheInput ? null : error.message,
      paper: null,
    };
  }
}
