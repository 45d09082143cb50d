const fold = (text: string): string[] =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .match(/[\p{L}\p{Nd}]+/gu) ?? [];

/** The first name that holds every word of one `author:` term, folded as search folds them. */
export function matchingAuthor(authors: string[], terms: string[][]): string | null {
  for (const term of terms) {
    const words = term.flatMap(fold);
    const found = authors.find((name) => {
      const nameWords = fold(name);
      return words.every((word) => nameWords.includes(word));
    });
    if (found) return found;
  }
  return null;
}
