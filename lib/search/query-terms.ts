import { Prisma } from "@/lib/generated/prisma/client";

/**
 * One word of a plain query, with the other forms that mean the same (from the field vocabulary)
 * and how much it counts towards a partial match: its idf, so rare words count more.
 */
export type QueryTerm = {
  word: string;
  alternatives: string[];
  weight: number;
  /** Also any word starting with `word` (the last word of a query that found nothing, see searchPapers). */
  prefix?: boolean;
};

/** A word that can stand for the words it starts: letters and digits, two or more. */
export function canBePrefix(word: string): boolean {
  return /^[\p{L}\p{Nd}]{2,}$/u.test(word);
}

/** Query words beyond this many are searched strictly only: a long paste is not a partial match. */
export const MAX_QUERY_TERMS = 10;

/**
 * The words of a query made of plain words only, as typed and without repeats; null when it uses
 * an operator whose strict meaning must hold: a quote, an `OR`, or an excluded `-word`.
 */
export function plainQueryWords(text: string): string[] | null {
  const words = text.split(/\s+/u).filter((word) => /[\p{L}\p{Nd}]/u.test(word));
  if (words.length === 0 || words.length > MAX_QUERY_TERMS) return null;
  if (/"/u.test(text) || words.some((word) => word.startsWith("-") || word.toLowerCase() === "or")) return null;
  const seen = new Set<string>();
  return words.filter((word) => !seen.has(word.toLowerCase()) && seen.add(word.toLowerCase()));
}

const CONFIG = Prisma.sql`'paper_search'::regconfig`;

// An acronym, singular or plural: two capitals or more, one token ("LLM", "CoT", "LLMs").
const ACRONYM = /^(?=(?:.*\p{Lu}){2})[\p{L}\p{Nd}-]*\p{Lu}s?$/u;

/**
 * The index holds an acronym's plural as a word of its own (stemming leaves "llms" alone), so an
 * acronym is searched in both numbers.
 */
export function acronymInflections(form: string): string[] {
  if (!ACRONYM.test(form)) return [];
  return [form.endsWith("s") ? form.slice(0, -1) : `${form}s`];
}

/** The tsquery of one term: its words, or any of its alternatives (each a phrase if several words). */
export function termQuerySql(term: Pick<QueryTerm, "word" | "alternatives" | "prefix">): Prisma.Sql {
  // A prefix is matched against the index's lexemes as folded, unstemmed ("kirs" → 'kirs':*); a
  // stop word ("and") starts no words, or it would find "android".
  const prefix =
    term.prefix && canBePrefix(term.word)
      ? [
          Prisma.sql`(CASE WHEN numnode(plainto_tsquery(${CONFIG}, ${term.word})) > 0
            THEN (quote_literal(regexp_replace(paper_fold(${term.word}), '[^[:alnum:]]+', '', 'g')) || ':*')::tsquery
            ELSE ''::tsquery END)`,
        ]
      : [];
  const forms = [
    ...prefix,
    Prisma.sql`plainto_tsquery(${CONFIG}, ${term.word})`,
    ...term.alternatives.map((alternative) => Prisma.sql`phraseto_tsquery(${CONFIG}, ${alternative})`),
    ...[term.word, ...term.alternatives].flatMap(acronymInflections).map((form) => Prisma.sql`plainto_tsquery(${CONFIG}, ${form})`),
  ];
  return forms.length === 1 ? forms[0]! : Prisma.sql`(${Prisma.join(forms, " || ")})`;
}

/** Every term, each in any of its forms: what a full match holds. */
export function allTermsQuerySql(terms: QueryTerm[]): Prisma.Sql {
  return Prisma.sql`(${Prisma.join(terms.map(termQuerySql), " && ")})`;
}

/** Any of the terms: what highlighting and a partial match's text rank look for. */
export function anyTermQuerySql(terms: QueryTerm[]): Prisma.Sql {
  return Prisma.sql`(${Prisma.join(terms.map(termQuerySql), " || ")})`;
}

/**
 * The rarest terms, enough that a paper holding none of them cannot reach `minCoverage` with the
 * others: a partial match must hold one of these, which the GIN index finds without touching the
 * common words' long lists.
 */
export function candidateTerms(terms: QueryTerm[], minCoverage: number): QueryTerm[] {
  const total = terms.reduce((sum, term) => sum + term.weight, 0);
  const byWeight = [...terms].sort((a, b) => b.weight - a.weight);
  let rest = total;
  const chosen: QueryTerm[] = [];
  for (const term of byWeight) {
    if (rest < minCoverage * total) break;
    chosen.push(term);
    rest -= term.weight;
  }
  return chosen;
}

/** The share of the terms' weight that paper `p` holds, in [0, 1]. */
export function coverageSql(terms: QueryTerm[]): Prisma.Sql {
  const total = terms.reduce((sum, term) => sum + term.weight, 0) || 1;
  const held = terms.map((term) => Prisma.sql`CASE WHEN p.search_vector @@ ${termQuerySql(term)} THEN ${term.weight}::float8 ELSE 0 END`);
  return Prisma.sql`((${Prisma.join(held, " + ")}) / ${total}::float8)`;
}

/** The words of the query that paper `p` lacks, in any of their forms. */
export function missingWordsSql(terms: QueryTerm[]): Prisma.Sql {
  const missing = terms.map((term) => Prisma.sql`CASE WHEN p.search_vector @@ ${termQuerySql(term)} THEN NULL ELSE ${term.word}::text END`);
  return Prisma.sql`array_remove(ARRAY[${Prisma.join(missing, ", ")}]::text[], NULL)`;
}

/**
 * A term's weight from the planner's estimate of the papers holding it (the search vector's
 * statistics): ln(1 + papers / holders), the usual idf. An unknown word, held by none, weighs most.
 */
export function idfWeight(holders: number, papers: number): number {
  return Math.log(1 + Math.max(papers, 1) / Math.max(holders, 1));
}

/**
 * Only a term in at most this share of papers is looked up. A commoner one finds too many papers to
 * test: at 230,000 papers, "reward" (31 %) and "reinforcement learning" (38 %) looked up for the
 * six-word query below left 5,000 papers of its window to test, 957 ms against 742 ms for every
 * list (p50, machine load 25).
 */
const MAX_LOOKUP_TERM_SHARE = 0.1;

/**
 * The weighed terms the GIN index looks up for a full match, rarest first: every term held by at
 * most MAX_LOOKUP_TERM_SHARE of papers; null when that is all of them or none. A common word's list
 * is most of the corpus, so the papers the rare terms find are tested against the whole query
 * instead; a rare term's list is short, so each one is looked up (the planner's estimate of a rare
 * word is a cap, not a count): "walter warn" went from 615 to 33 ms at a million papers.
 * Measurements: bench/results/2026-12-06-100010-search-rare-and-common-terms.md.
 */
export function lookupTerms(terms: QueryTerm[]): QueryTerm[] | null {
  const chosen = [...terms].sort((a, b) => b.weight - a.weight).filter((term) => termShare(term) <= MAX_LOOKUP_TERM_SHARE);
  return chosen.length > 0 && chosen.length < terms.length ? chosen : null;
}

/** The share of papers holding a weighed term, read back from its weight: the inverse of idfWeight. */
export function termShare(term: QueryTerm): number {
  return 1 / Math.expm1(term.weight);
}

/**
 * Why a partial match was picked, for a digest or its preview: the query's words it holds, of the
 * query ("LLM math reasoning (of “LLM math reasoning reward”)"); the query itself when it lacks none.
 */
export function partialMatchLabel(query: string, missing: string[]): string {
  const lacks = new Set(missing.flatMap((gap) => gap.split(" ")));
  if (lacks.size === 0) return query;
  return `${query
    .split(/\s+/u)
    .filter((word) => !lacks.has(word))
    .join(" ")} (of “${query}”)`;
}
