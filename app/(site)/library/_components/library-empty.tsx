import { Link } from "@/components/link";

/** What an empty library says: how papers get here, and what the reader can then do with them. */
export function LibraryEmpty() {
  return (
    <div className="space-y-4 rounded-lg border border-dashed border-stone-300 p-8 dark:border-stone-700">
      <h2 className="text-lg font-medium">Your library is empty</h2>
      <ol className="list-decimal space-y-2 pl-5 text-stone-700 dark:text-stone-300">
        <li>
          Press <strong>☆ Save</strong> on any paper in{" "}
          <Link href="/" className="text-accent-700 underline dark:text-accent-300">
            Trending
          </Link>
          ,{" "}
          <Link href="/search" className="text-accent-700 underline dark:text-accent-300">
            Search
          </Link>{" "}
          or a paper&apos;s page.
        </li>
        <li>Tag saved papers (“to read”, “thesis”, anything) and find them again by tag or by searching here.</li>
        <li>
          Press <strong>More like this</strong> or <strong>Not for me</strong> so PaperPulse learns what you want.
        </li>
      </ol>
      <p className="text-stone-700 dark:text-stone-300">
        Coming from Zotero or Mendeley?{" "}
        <Link href="/library/import" className="font-medium text-accent-700 underline dark:text-accent-300">
          Import a BibTeX or RIS file, or paste arXiv links
        </Link>
        .
      </p>
    </div>
  );
}
