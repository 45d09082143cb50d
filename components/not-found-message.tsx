import Link from "next/link";

export function NotFoundMessage() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-300">We have no page here. The paper may not be in PaperPulse yet.</p>
      <p className="mt-6 flex flex-wrap justify-center gap-x-6 gap-y-2">
        <Link href="/" className="text-accent-700 underline dark:text-accent-300">
          Back to trending papers
        </Link>
        <Link href="/search" className="text-accent-700 underline dark:text-accent-300">
          Search papers
        </Link>
      </p>
    </div>
  );
}
