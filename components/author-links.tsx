import { Link } from "@/components/link";
import { authorHref } from "@/lib/papers/paper-links";

/**
 * "Ada Lovelace, Alan Turing, Grace Hopper et al.", each name a link to its author page. `matched`
 * (the author a search asked for) is added, marked, when the shortened list leaves it out.
 */
export function AuthorLinks({
  authors,
  total,
  shown = 3,
  matched,
}: {
  authors: string[];
  total: number;
  shown?: number;
  matched?: string | null;
}) {
  if (total === 0) return <p className="text-sm text-stone-600 dark:text-stone-300">Authors not listed</p>;
  const visible = authors.slice(0, shown);
  const extra = matched && !visible.includes(matched) ? matched : null;
  const shortened = total > visible.length + (extra ? 1 : 0);
  return (
    <p className="byline">
      {visible.map((name, index) => (
        <span key={`${index}-${name}`}>
          {index > 0 && ", "}
          <Link href={authorHref(name)}>{name}</Link>
        </span>
      ))}
      {extra && (
        <>
          , …,{" "}
          <mark>
            <Link href={authorHref(extra)}>{extra}</Link>
          </mark>
        </>
      )}
      {shortened && " et al."}
    </p>
  );
}
