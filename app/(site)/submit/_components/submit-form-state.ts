import type { SubmittedPaper } from "@/lib/ingest/submit-paper";

export type SubmitFormState = {
  status: "idle" | "error" | "done";
  /** What was typed, so the field keeps it after an error (also without JavaScript). */
  input: string;
  fieldError: string | null;
  /** A problem that is not the field's fault: rate limit, arXiv unreachable. */
  formError: string | null;
  paper: SubmittedPaper | null;
};
