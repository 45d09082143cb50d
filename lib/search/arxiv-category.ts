// arXiv categories are an archive, optionally a dot and a subject class: "hep-th", "cs.LG",
// "cond-mat.dis-nn", "astro-ph.CO". Two-letter subject classes are upper case, longer ones lower.
const CATEGORY = /^([a-z]+(?:-[a-z]+)*)(?:\.([a-z]+(?:-[a-z]+)*))?$/i;

/** The category in arXiv's own spelling ("CS.lg" → "cs.LG"), or null when it cannot be one. */
export function normalizeCategory(input: string): string | null {
  const match = CATEGORY.exec(input.trim());
  if (!match || input.length > 40) return null;
  const archive = match[1]!.toLowerCase();
  const subject = match[2];
  if (subject === undefined) return archive;
  return `${archive}.${subject.length === 2 ? subject.toUpperCase() : subject.toLowerCase()}`;
}
