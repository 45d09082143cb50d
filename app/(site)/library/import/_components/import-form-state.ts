import type { ImportSummary } from "@/lib/library/import-papers";

export type ImportFormState = { status: "idle" | "done" | "error"; message: string | null; summary: ImportSummary | null; tag: string };
