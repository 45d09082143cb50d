import "server-only";

import { AppError } from "@/lib/http/app-error";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { IMPORTS_PER_READER } from "@/lib/readers/rate-limits";

import { decodeImportFile, MAX_IMPORT_BYTES } from "./decode-import-file";
import { importPapers, type ImportSummary } from "./import-papers";

/** Reads a request body of at most `maxBytes`, stopping as soon as it is longer. */
export async function readBodyBytes(request: Request, maxBytes = MAX_IMPORT_BYTES): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  const tooLarge = () =>
    new AppError("bad_request", `Imports are limited to ${maxBytes / 1024 / 1024} MB; export one collection at a time.`);
  if (declared > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/**
 * One import, from pasted text or a file's bytes: rate limited per reader, undecodable files and
 * inputs naming no arXiv paper refused with a message saying what to do.
 */
export async function runImport(readerId: number, input: { paste?: string; file?: Uint8Array; tags?: string[] }): Promise<ImportSummary> {
  let text: string;
  let source: "paste" | "file";
  if (input.file && input.file.length > 0) {
    const decoded = decodeImportFile(input.file);
    if (!decoded.ok) throw new AppError("bad_request", decoded.message, { fields: { file: [decoded.message] } });
    text = decoded.text;
    source = "file";
  } else {
    text = input.paste ?? "";
    source = "paste";
    if (new TextEncoder().encode(text).length > MAX_IMPORT_BYTES)
      throw new AppError("bad_request", "That is too much text to paste; upload it as a file of up to 2 MB.");
  }
  if (text.trim() === "")
    throw new AppError("bad_request", "Paste arXiv ids or links, or choose a BibTeX or RIS file.", {
      fields: { paste: ["nothing to import"] },
    });
  await consumeRateLimit(IMPORTS_PER_READER, String(readerId));
  const summary = await importPapers(readerId, { text, source, tags: input.tags });
  if (summary.found === 0) {
    const message =
      source === "paste"
        ? "We found no arXiv id or link in that text. Paste ids like 2502.03387 or links like https://arxiv.org/abs/2502.03387."
        : summary.records > 0
          ? `This file has ${summary.records} entries, but none names an arXiv paper (no eprint field, arXiv link or 10.48550/arXiv DOI).`
          : "This does not look like a BibTeX or RIS file: we found no entries in it. Export your library as BibTeX or RIS and try again.";
    throw new AppError("bad_request", message, { fields: { [source]: [message] } });
  }
  return summary;
}
