const TONES = {
  info: "border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900",
  success: "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40",
  warning: "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40",
  error: "border-red-200 bg-red-50 dark:border-red-900 dark:bg-red-950/40",
};

/** A bordered message panel; `role` makes screen readers announce it when it appears. */
export function Notice({
  tone = "info",
  title,
  children,
  role,
}: {
  tone?: keyof typeof TONES;
  title: string;
  children?: React.ReactNode;
  role?: "status" | "alert";
}) {
  return (
    <div role={role} className={`rounded-lg border p-6 ${TONES[tone]}`}>
      <h2 className="text-lg font-semibold">{title}</h2>
      {children && <div className="mt-2 space-y-2 text-stone-700 dark:text-stone-300">{children}</div>}
    </div>
  );
}
