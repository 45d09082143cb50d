import { stemmer } from "stemmer";

import { STOP_WORDS } from "./stop-words";

/** The text of a paper that similarity reads. */
export type PaperText = { title: string; abstract: string; authors: string[]; categories: string[] };

/** A term's count in one paper and how it reads there (the commonest spelling of its stem). */
export type TermCount = { count: number; label: string };

/** Title words count this many times: a title says what a paper is about more surely than its abstract. */
const TITLE_REPEATS = 2;
/** A word pair from the abstract is kept when it occurs this often; every title pair is kept. */
const MIN_PAIR_COUNT = 2;
export const AUTHOR_PREFIX = "author:";
export const CATEGORY_PREFIX = "category:";

/** Lower case without accents, like search's paper_fold. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

type Word = { stem: string; surface: string };

/**
 * Each token's word (or null when it is no word), as wordRuns reads it. Abstracts repeat a modest
 * vocabulary, and stemming was most of the cost of indexing a corpus: a token is read once.
 * Cleared when full, which bounds it however varied the text.
 */
const readWords = new Map<string, Word | null>();
const READ_WORDS_KEPT = 200_000;

function readWord(token: string): Word | null {
  let word = readWords.get(token);
  if (word !== undefined) return word;
  const joined = token.replaceAll("\u2011", "");
  const isWord = /^[\p{L}\p{N}]/u.test(token) && joined.length >= 2 && !/^\p{N}+$/u.test(joined) && !STOP_WORDS.has(joined);
  word = isWord ? { stem: stemmer(joined), surface: token.replaceAll("\u2011", "-") } : null;
  if (readWords.size >= READ_WORDS_KEPT) readWords.clear();
  readWords.set(token, word);
  return word;
}

/**
 * Runs of content words: a stop word, a number or punctuation ends a run, so that pairs are only
 * formed from words that stand together ("human feedback", not "feedback we").
 */
function wordRuns(text: string): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  // A hyphen inside a word is kept in how the word reads but not in its stem ("pre-trained" and
  // "pretrained" are one term); it is marked with U+2011 so that splitting leaves it alone.
  // Splitting on a captured separator alternates: even places hold words (or nothing), odd ones separators.
  const tokens = foldText(text)
    .replace(/(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu, "\u2011")
    .split(/([^\p{L}\p{N}\u2011]+)/u);
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token === "") continue;
    const word = index % 2 === 0 ? readWord(token) : null;
    // A single space keeps a run going; anything else (punctuation, a stop word, a number) ends it.
    if (word) run.push(word);
    else if (token !== " ") {
      if (run.length > 0) runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function addTerm(terms: Map<string, TermCount & { surfaces: Map<string, number> }>, term: string, surface: string, times: number) {
  const entry = terms.get(term) ?? { count: 0, label: surface, surfaces: new Map<string, number>() };
  entry.count += times;
  entry.surfaces.set(surface, (entry.surfaces.get(surface) ?? 0) + times);
  terms.set(term, entry);
}

/**
 * The terms of a paper with their counts: stemmed words and adjacent word pairs of the title and
 * abstract (stop words out), each author's full name and each category. Pairs from the abstract
 * only count when repeated, which keeps the vocabulary (and its document-frequency table) small
 * while holding on to the phrases a paper is about.
 */
export function documentTerms(paper: PaperText): Map<string, TermCount> {
  const terms = new Map<string, TermCount & { surfaces: Map<string, number> }>();
  const pairs = new Map<string, { count: number; inTitle: boolean; surface: string }>();
  const fields: [string, number, boolean][] = [
    [paper.title, TITLE_REPEATS, true],
    [paper.abstract, 1, false],
  ];
  for (const [text, times, inTitle] of fields) {
    for (const run of wordRuns(text)) {
      run.forEach((word, index) => {
        addTerm(terms, word.stem, word.surface, times);
        const next = run[index + 1];
        if (!next || next.stem === word.stem) return;
        const pair = `${word.stem} ${next.stem}`;
        const seen = pairs.get(pair) ?? { count: 0, inTitle: false, surface: `${word.surface} ${next.surface}` };
        seen.count += times;
        seen.inTitle ||= inTitle;
        pairs.set(pair, seen);
      });
    }
  }
  for (const [pair, seen] of pairs) {
    if (seen.inTitle || seen.count >= MIN_PAIR_COUNT) addTerm(terms, pair, seen.surface, seen.count);
  }
  for (const author of paper.authors) {
    const name = foldText(author)
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
    if (name) addTerm(terms, AUTHOR_PREFIX + name, author, 1);
  }
  for (const category of paper.categories) addTerm(terms, CATEGORY_PREFIX + category.toLowerCase(), category, 1);

  const result = new Map<string, TermCount>();
  for (const [term, entry] of terms) {
    const label = [...entry.surfaces].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    result.set(term, { count: entry.count, label });
  }
  return result;
}

/** Whether a term says what a paper is about (a word or pair), rather than who wrote it or where it is filed. */
export function isContentTerm(term: string): boolean {
  return !term.startsWith(AUTHOR_PREFIX) && !term.startsWith(CATEGORY_PREFIX);
}

/** Whether a term is a word pair. */
export function isPairTerm(term: string): boolean {
  return isContentTerm(term) && term.includes(" ");
}
