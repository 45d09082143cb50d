import { latexToText } from "@/lib/ingest/normalize-text";

/** Title or abstract text for feeds and the API: TeX math and markup as readable Unicode, paragraphs kept. */
export function plainText(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map(latexToText)
    .filter(Boolean)
    .join("\n\n");
}
