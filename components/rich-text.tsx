import { richTextHtml } from "@/lib/text/rich-text";

/** A title or abstract with its TeX math typeset on the server; `links` turns its URLs into links. */
export function RichText({ text, links = false, className }: { text: string; links?: boolean; className?: string }) {
  // richTextHtml escapes all text and emits only KaTeX's markup and our own links.
  return <span className={className} dangerouslySetInnerHTML={{ __html: richTextHtml(text, { links }) }} />;
}
