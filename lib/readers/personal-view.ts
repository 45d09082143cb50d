/**
 * The reader's data a personal page's shell carries (personal-shells.ts) and its script draws
 * (components/personal-view.tsx): what the page shows for its query, or why its link cannot be read.
 */
export type PersonalView<Query, View> =
  { status: "ready"; query: Query; view: View } | { status: "unreadable"; issues: { message: string }[] };

/** The personal pages: a reader's copy of each is kept (reader-page-copies.ts), in a shell for a browser that runs scripts. */
export const PERSONAL_PAGES = new Set(["/library", "/for-you"]);

/** The id of the shell's JSON block. */
export const PERSONAL_VIEW_ELEMENT = "personal-view";

/** `?scripts=off`: the page rendered whole, for a browser that stopped running scripts since it said it did. */
export const SCRIPTS_OFF = { name: "scripts", value: "off" } as const;

const ESCAPES = ["<", ">", "&", "\u2028", "\u2029"].map(
  (char) => [char, `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`] as const,
);

/**
 * The data as a JSON block, which no browser runs, so the page's policy needs no hash for it;
 * escaped so that nothing in it can end the block (`<`, `>`, `&` as \u escapes).
 */
export function dataBlock(data: PersonalView<unknown, unknown>): Uint8Array<ArrayBuffer> {
  // A pass a character, not one pattern with a function a match: typeset cards hold thousands of
  // tags, and the function calls were twice the time of the passes.
  const json = ESCAPES.reduce((escaped, [char, escape]) => escaped.replaceAll(char, escape), JSON.stringify(data));
  return new TextEncoder().encode(`<script type="application/json" id="${PERSONAL_VIEW_ELEMENT}">${json}</script>`);
}
