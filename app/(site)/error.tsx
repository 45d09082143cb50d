"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950/40">
      <h1 className="text-lg font-semibold">Something went wrong on our side.</h1>
      <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">
        Please try again in a moment.
        {error.digest && (
          <>
            {" "}
            If it keeps happening, mention reference <code>{error.digest}</code>.
          </>
        )}
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200"
      >
        Try again
      </button>
    </div>
  );
}
