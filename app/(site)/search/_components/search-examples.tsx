import { Link } from "@/components/link";

import { searchHref } from "./search-href";

const EXAMPLES: { q: string; what: string }[] = [
  { q: "transformers", what: "every word must appear; plurals and accents do not matter" },
  { q: '"in-context learning"', what: "an exact phrase" },
  { q: "theorem proving OR symbolic regression", what: "either side" },
  { q: "reinforcement learning -survey", what: "leave out papers with a word" },
  { q: 'author:"Louis Kirsch"', what: "papers by an author" },
  { q: "category:cs.CL reasoning", what: "only one arXiv category" },
];

/** What the search understands, each line a search to try. */
export function SearchExamples() {
  return (
    <ul className="space-y-2">
      {EXAMPLES.map((example) => (
        <li key={example.q} className="flex flex-wrap items-baseline gap-x-3">
          <Link href={searchHref({ q: example.q })} className="font-mono text-sm text-accent-700 underline dark:text-accent-300">
            {example.q}
          </Link>
          <span className="text-sm text-stone-600 dark:text-stone-400">{example.what}</span>
        </li>
      ))}
    </ul>
  );
}
