import { openDigestSettingsAction } from "@/app/(site)/account/actions";
import { followAction } from "@/app/(site)/follow-actions";
import { Link } from "@/components/link";
import { subscribeHref, type DigestFollow, type FollowTarget } from "@/lib/subscribers/follow-topic";

type LinkTarget = { href: string; label: string };

const FULL = { author: "authors", category: "categories" } as const;
const followClass = "rounded-md bg-accent-600 px-3 py-1.5 font-medium text-white hover:bg-accent-700";
const textButtonClass = "text-accent-700 underline dark:text-accent-300";

/**
 * Follow: a signed-in reader with a digest adds the target to its topics in place; anyone else
 * starts a subscription for it.
 */
function Follow({ title, target, digest }: { title: string; target: FollowTarget; digest: DigestFollow }) {
  if (digest === null) {
    return (
      <Link href={subscribeHref(target)} className={followClass}>
        Follow<span className="sr-only"> {title} by email</span>
      </Link>
    );
  }
  if (digest === "can-follow") {
    return (
      <form action={followAction}>
        <input type="hidden" name="kind" value={target.kind} />
        <input type="hidden" name="value" value={target.value} />
        <button type="submit" className={followClass}>
          Follow<span className="sr-only"> {title} in your digest</span>
        </button>
      </form>
    );
  }
  return (
    <form action={openDigestSettingsAction} className="flex flex-wrap items-center gap-x-2">
      <span className="font-medium text-stone-700 dark:text-stone-200">
        {digest === "following" ? "✓ In your digest" : `Your digest follows the most ${FULL[target.kind]} it can.`}
      </span>
      <button type="submit" className={textButtonClass}>
        Digest settings
      </button>
    </form>
  );
}

/** The head of an author's or a category's page: what it is, how many, and the ways to follow it. */
export function FollowHeader({
  kind,
  title,
  summary,
  follow,
  search,
  children,
}: {
  kind: string;
  title: string;
  summary: string;
  follow: { target: FollowTarget; digest: DigestFollow };
  search: LinkTarget;
  children?: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        <p className="text-sm font-medium tracking-wide text-stone-500 uppercase dark:text-stone-400">{kind}</p>
        <h1 className="text-2xl font-semibold tracking-tight break-words">{title}</h1>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">{summary}</p>
        <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <Follow title={title} {...follow} />
          <Link href={search.href} className="text-accent-700 underline dark:text-accent-300">
            {search.label}
          </Link>
        </div>
      </div>
      {children}
    </div>
  );
}
