// ts_headline marks matches with strings we choose and escapes nothing. We have it mark with two
// private-use characters (removed from queries and from the text before highlighting, so only ours
// remain), escape everything it returns, and only then turn our marks into <mark> elements.
export const MARK_START = "\uE000";
export const MARK_STOP = "\uE001";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** Safe HTML from ts_headline's output: all text escaped, matches wrapped in <mark>. */
export function highlightToHtml(marked: string): string {
  let html = "";
  let open = false;
  for (const part of marked.split(/([\uE000\uE001])/)) {
    if (part === MARK_START) {
      if (!open) html += "<mark>";
      open = true;
    } else if (part === MARK_STOP) {
      if (open) html += "</mark>";
      open = false;
    } else {
      html += escapeHtml(part);
    }
  }
  return open ? `${html}</mark>` : html;
}
