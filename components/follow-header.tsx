import Link from "next/link";

type LinkTarget = { href: string; label: string };

/** The head of an author's or a category's page: what it is, how many, and the ways to follow it. */
export function FollowHeader({
  kind,
  title,
  summary,
  followHref,
  search,
  children,
}: {
  kind: string;
  title: string;
  summary: string;
  /** The subscribe page, prefilled to follow `title`. */
  followHref: string;
  search: LinkTarget;
  children?: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        <p className="text-sm font-medium tracking-wide text-stone-500 uppercase dark:text-stone-400">{kind}</p>
        <h1 className="text-2xl font-semibold tracking-tight break-words">{title}</h1>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">{summary}</p>
        <p className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <Link href={followHref} className="rounded-md bg-accent-600 px-3 py-1.5 font-medium text-white hover:bg-accent-700">
            Follow<span className="sr-only"> {title} by email</span>
          </Link>
          <Link href={search.href} className="text-accent-700 underline dark:text-accent-300">
            {search.label}
          </Link>
        </p>
      </div>
      {children}
    </div>
  );
}
