import { isContentTerm, type TermCount } from "./document-terms";

/**
 * Authors and categories weigh less than words: a shared author or category supports a match, but a
 * paper with fifteen authors should not be mostly names.
 */
const METADATA_FACTOR = 0.5;

/** A sparse, l2-normalised tf-idf vector: terms and their weights, strongest first. */
export type DocumentVector = { terms: string[]; weights: number[] };

/** Terms a stored vector keeps (64 scored best on the judged set; 32 lost a third of its recall): the tail of a paper's vector adds little to a cosine and a lot to storage. */
export const VECTOR_TERMS = 64;
/** A paper's strongest terms, through which it can be found as a candidate (the inverted index). */
export const INDEXED_TERMS = 24;

/**
 * Smoothed inverse document frequency, ln((1 + N) / (1 + df)) + 1. Tried on the judged seed set
 * against BM25's idf and plain ln(N/df): the floor of 1 keeps the mid-frequency words two papers on
 * one topic share ("preference", "reward") from being drowned by words only one paper uses.
 */
export function inverseDocumentFrequency(papersWithTerm: number, corpusSize: number): number {
  const df = Math.min(Math.max(papersWithTerm, 1), Math.max(corpusSize, 1));
  return Math.log((1 + corpusSize) / (1 + df)) + 1;
}

/**
 * Sublinear tf (1 + ln count) × idf over a paper's terms, cut to its VECTOR_TERMS strongest and
 * l2-normalised, so that the cosine of two vectors is their dot product.
 */
export function weighTerms(
  terms: Map<string, TermCount>,
  papersWithTerm: (term: string) => number,
  corpusSize: number,
  keep = VECTOR_TERMS,
): DocumentVector {
  const weighted: [string, number, boolean][] = [];
  for (const [term, { count }] of terms) {
    const factor = isContentTerm(term) ? 1 : METADATA_FACTOR;
    const papers = papersWithTerm(term);
    const weight = factor * (1 + Math.log(count)) * inverseDocumentFrequency(papers, corpusSize);
    if (weight > 0) weighted.push([term, weight, papers > 1]);
  }
  // A term no other paper has weighs most and matches nothing: it takes a place only when shared terms leave room.
  weighted.sort((a, b) => Number(b[2]) - Number(a[2]) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = weighted.slice(0, keep).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const norm = Math.hypot(...kept.map(([, weight]) => weight)) || 1;
  return { terms: kept.map(([term]) => term), weights: kept.map(([, weight]) => weight / norm) };
}

export function vectorMap(vector: DocumentVector): Map<string, number> {
  return new Map(vector.terms.map((term, index) => [term, vector.weights[index]!]));
}

/** The dot product of two vectors (their cosine), with what each shared term contributed, largest first. */
export function cosine<Term>(
  a: Map<Term, number>,
  b: { terms: Term[]; weights: number[] },
): { score: number; shared: { term: Term; contribution: number }[] } {
  const shared: { term: Term; contribution: number }[] = [];
  let score = 0;
  b.terms.forEach((term, index) => {
    const weight = a.get(term);
    if (weight === undefined) return;
    const contribution = weight * b.weights[index]!;
    score += contribution;
    shared.push({ term, contribution });
  });
  shared.sort((x, y) => y.contribution - x.contribution);
  return { score, shared };
}

/** Below this cosine two papers are not called similar. */
export const MIN_SIMILARITY = 0.05;

/**
 * Two papers are similar when their cosine reaches MIN_SIMILARITY, they share at least two content
 * terms, and the match still holds half the floor without its strongest shared term: one word in
 * common ("agent", "graph") never carries a match alone. `isContent` tells content terms (words,
 * pairs) from authors and categories: isContentTerm for terms as strings.
 */
export function isSimilar<Term>(
  match: { score: number; shared: { term: Term; contribution: number }[] },
  isContent: (term: Term) => boolean,
): boolean {
  const content = match.shared.filter((shared) => isContent(shared.term));
  if (match.score < MIN_SIMILARITY || content.length < 2) return false;
  return match.score - match.shared[0]!.contribution >= MIN_SIMILARITY / 2;
}
