import { isContentTerm, isPairTerm } from "./document-terms";

/** How many shared terms "why similar" shows. */
const SHOWN_TERMS = 4;

/**
 * The shared terms worth showing, strongest first, as they read: content terms only, and a word
 * already shown inside a pair ("human feedback") is not shown again on its own.
 */
export function sharedTermLabels(shared: { term: string }[], label: (term: string) => string | undefined): string[] {
  const shown: string[] = [];
  const coveredStems = new Set<string>();
  for (const { term } of shared) {
    if (shown.length === SHOWN_TERMS) break;
    if (!isContentTerm(term)) continue;
    if (!isPairTerm(term) && coveredStems.has(term)) continue;
    const text = label(term);
    if (!text) continue;
    for (const stem of term.split(" ")) coveredStems.add(stem);
    shown.push(text);
  }
  return shown;
}
