import Link from "next/link";

import { categoryHref } from "@/lib/papers/paper-links";

/** The paper's categories as links, the primary one first and marked. They sit above a card's own link. */
export function CategoryList({ primary, categories }: { primary: string | null; categories: string[] }) {
  const all = primary ? [primary, ...categories.filter((category) => category !== primary)] : categories;
  if (all.length === 0) return null;
  return (
    <ul aria-label="Categories" className="relative z-10 flex flex-wrap gap-1.5">
      {all.map((category) => (
        <li key={category}>
          <Link
            href={categoryHref(category)}
            className={
              category === primary
                ? "rounded bg-accent-50 px-1.5 py-0.5 font-mono text-xs text-accent-700 hover:underline dark:bg-accent-700/20 dark:text-accent-300"
                : "rounded bg-stone-100 px-1.5 py-0.5 font-mono text-xs text-stone-600 hover:underline dark:bg-stone-800 dark:text-stone-300"
            }
          >
            {category}
          </Link>
        </li>
      ))}
    </ul>
  );
}
