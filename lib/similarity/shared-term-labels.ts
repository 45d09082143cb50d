import { isContentTerm, isPairTerm } from "./document-terms";

/** How many shared terms "why similar" shows. */
const SHOWN_TERMS = 4;

/**
 * The shared terms worth showing, strongest first, as they read (`label`; none: not shown):
 * content terms only, and a word already shown inside a pair ("human feedback") is not shown
 * again on its own.
 */
export function sharedTermLabels<Shared extends { term: string }>(
  shared: Shared[],
  label: (entry: Shared) => string | undefined,
): string[] {
  const shown: string[] = [];
  const coveredStems = new Set<string>();
  for (const entry of shared) {
    const { term } = entry;
    if (shown.length === SHOWN_TERMS) break;
    if (!isContentTerm(term)) continue;
    if (!isPairTerm(term) && coveredStems.has(term)) continue;
    const text = label(entry);
    if (!text) continue;
    for (const stem of term.split(" ")) coveredStems.add(stem);
    shown.push(text);
  }
  return shown;
}
