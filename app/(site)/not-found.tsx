import Link from "next/link";

export default function NotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-300">We have no page here. The paper may not be in PaperPulse yet.</p>
      <Link href="/" className="mt-6 inline-block text-accent-700 underline dark:text-accent-300">
        Back to trending papers
      </Link>
    </div>
  );
}
