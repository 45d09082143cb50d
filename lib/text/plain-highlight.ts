import { highlightToHtml, MARK_START, MARK_STOP } from "@/lib/search/highlight";

import { plainText } from "./plain-text";

// The TeX cleaner parks escaped characters on U+E000…, where the search's own marks live, so the
// marks wait on two other private-use code points while the text is cleaned.
const PARKED_START = "\uF8F0";
const PARKED_STOP = "\uF8F1";

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/**
 * A search highlight (escaped text with <mark>s, from highlightToHtml) with its TeX read as plain
 * text, as the API gives titles and abstracts: `$\alpha$-<mark>flow</mark>` → `α-<mark>flow</mark>`.
 * A mark the cleaning splits or swallows is closed or dropped by highlightToHtml, which also
 * escapes the result again.
 */
export function plainHighlight(html: string): string {
  const parked = html
    .replaceAll("<mark>", PARKED_START)
    .replaceAll("</mark>", PARKED_STOP)
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);
  return highlightToHtml(plainText(parked).replaceAll(PARKED_START, MARK_START).replaceAll(PARKED_STOP, MARK_STOP));
}
