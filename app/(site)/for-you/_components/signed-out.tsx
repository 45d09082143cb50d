import { Link } from "@/components/link";

const STEPS = [
  ["Save what you read", "Press ☆ Save, or “More like this”, on papers in Trending, Search or a paper’s page, or import a BibTeX file."],
  [
    "PaperPulse learns your taste",
    "A model of your own weighs the words, authors and categories of what you saved against what you marked “Not for me”.",
  ],
  [
    "Read the best new papers for you",
    "Today’s, this week’s or this month’s papers, ranked for you, each saying why: the saved papers it is closest to and the terms that weighed most.",
  ],
] as const;

/** /for-you before signing in: what the page does, and the way in. */
export function SignedOut() {
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">For you</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-300">
          New papers picked for you by what you save and rate, each with the reason it was picked.
        </p>
      </div>
      <ol className="space-y-3">
        {STEPS.map(([title, text], index) => (
          <li key={title} className="flex gap-4 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
            <span
              aria-hidden="true"
              className="flex size-8 shrink-0 items-center justify-center rounded-full bg-accent-50 font-semibold text-accent-700 dark:bg-stone-800 dark:text-accent-300"
            >
              {index + 1}
            </span>
            <div>
              <h2 className="font-medium">{title}</h2>
              <p className="mt-1 text-sm text-stone-600 dark:text-stone-300">{text}</p>
            </div>
          </li>
        ))}
      </ol>
      <p className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <Link href="/sign-in?next=/for-you" className="rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700">
          Sign in to see papers for you
        </Link>
        <span className="text-sm text-stone-600 dark:text-stone-400">No password: we email you a link.</span>
      </p>
    </div>
  );
}
