export function CategoryList({ primary, categories }: { primary: string | null; categories: string[] }) {
  const all = primary ? [primary, ...categories.filter((category) => category !== primary)] : categories;
  if (all.length === 0) return null;
  return (
    <ul aria-label="Categories" className="flex flex-wrap gap-1.5">
      {all.map((category) => (
        <li
          key={category}
          className={
            category === primary
              ? "rounded bg-accent-50 px-1.5 py-0.5 font-mono text-xs text-accent-700 dark:bg-accent-700/20 dark:text-accent-300"
              : "rounded bg-stone-100 px-1.5 py-0.5 font-mono text-xs text-stone-600 dark:bg-stone-800 dark:text-stone-300"
          }
        >
          {category}
        </li>
      ))}
    </ul>
  );
}
