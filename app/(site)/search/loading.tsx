export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">Searching…</span>
      {Array.from({ length: 5 }, (_, index) => (
        <div key={index} className="h-32 animate-pulse rounded-lg bg-stone-200/70 dark:bg-stone-800/70" />
      ))}
    </div>
  );
}
