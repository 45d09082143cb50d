import { Link } from "@/components/link";
import { categoryHref } from "@/lib/papers/paper-links";

/** The paper's categories as links, the primary one first and marked. They sit above a card's own link. */
export function CategoryList({ primary, categories }: { primary: string | null; categories: string[] }) {
  const all = primary ? [primary, ...categories.filter((category) => category !== primary)] : categories;
  if (all.length === 0) return null;
  return (
    <ul aria-label="Categories" className="categories">
      {all.map((category) => (
        <li key={category}>
          <Link href={categoryHref(category)} className={category === primary ? "primary" : undefined}>
            {category}
          </Link>
        </li>
      ))}
    </ul>
  );
}
