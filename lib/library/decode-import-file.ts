/** An upload is refused above this: a library of ten thousand BibTeX entries is about 5 MB. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export type DecodedImport = { ok: true; text: string } | { ok: false; message: string };

/**
 * The text of an uploaded file: UTF-8 (with or without BOM), else Latin-1 as older BibTeX tools
 * write it. A file with NUL bytes is a binary (a PDF, a zip), not an export.
 */
export function decodeImportFile(bytes: Uint8Array): DecodedImport {
  if (bytes.length > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      message: `This file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB can be imported. Export one collection at a time.`,
    };
  }
  if (bytes.includes(0))
    return { ok: false, message: "This is not a text file. Upload a BibTeX (.bib) or RIS (.ris) export, or paste arXiv links." };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { ok: true, text: new TextDecoder("latin1").decode(bytes) };
  }
}
