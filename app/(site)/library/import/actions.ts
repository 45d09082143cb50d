"use server";

import { redirect } from "next/navigation";

import { AppError } from "@/lib/http/app-error";
import { splitTags, tagNameSchema } from "@/lib/library/library-query";
import { runImport } from "@/lib/library/read-import";
import { getCurrentReader } from "@/lib/readers/current-reader";

import type { ImportFormState } from "./_components/import-form-state";

export async function importAction(_previous: ImportFormState, form: FormData): Promise<ImportFormState> {
  const reader = await getCurrentReader();
  if (!reader) redirect("/sign-in?next=/library/import");
  const paste = typeof form.get("paste") === "string" ? (form.get("paste") as string) : "";
  const tag = typeof form.get("tag") === "string" ? (form.get("tag") as string) : "";
  const tags = tagNameSchema.array().max(20).safeParse(splitTags(tag));
  if (!tags.success) return { status: "error", message: "Tags have 1 to 40 characters and are separated by commas.", summary: null, tag };
  const file = form.get("file");
  const bytes = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined;
  try {
    const summary = await runImport(reader.readerId, { paste: bytes ? undefined : paste, file: bytes, tags: tags.data });
    return { status: "done", message: null, summary, tag };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { status: "error", message: error.message, summary: null, tag };
  }
}
