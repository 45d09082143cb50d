export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading papers…</span>
      {Array.from({ length: 5 }, (_, index) => (
        <div key={index} className="h-28 animate-pulse rounded-lg bg-stone-200/70 dark:bg-stone-800/70" />
      ))}
    </div>
  );
}
