import { Link } from "@/components/link";

export type TabLink = { href: string; label: string; current: boolean };

/** A row of links styled as tabs (period, sort order); the current one is marked for assistive tech. */
export function TabLinks({ label, tabs, className = "flex" }: { label: string; tabs: TabLink[]; className?: string }) {
  return (
    <nav aria-label={label} className={`${className} gap-1 rounded-lg bg-stone-200/60 p-1 text-center text-sm dark:bg-stone-800/60`}>
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.current ? "page" : undefined}
          className={
            tab.current
              ? "rounded-md bg-white px-2.5 py-1.5 font-medium whitespace-nowrap shadow-sm sm:px-3 dark:bg-stone-700"
              : "rounded-md px-2.5 py-1.5 whitespace-nowrap text-stone-600 hover:text-stone-900 sm:px-3 dark:text-stone-300 dark:hover:text-white"
          }
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
