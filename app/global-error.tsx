"use client";

import "./globals.css";

// Replaces the root layout when it fails itself (pages' own errors go to (site)/error.tsx), so it
// brings its own document, styles and title, and no component that could fail the same way.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <title>Something went wrong · PaperPulse</title>
        <main className="mx-auto max-w-xl px-4 py-16">
          <p className="text-lg font-semibold tracking-tight">
            <span aria-hidden="true" className="text-accent-600 dark:text-accent-400">
              ◆
            </span>{" "}
            PaperPulse
          </p>
          <div role="alert" className="mt-8 rounded-lg border border-red-200 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950/40">
            <h1 className="text-lg font-semibold">Something went wrong on our side.</h1>
            <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">
              Please try again in a moment.
              {digest && (
                <>
                  {" "}
                  If it keeps happening, mention reference <code>{digest}</code>.
                </>
              )}
            </p>
            <button
              type="button"
              onClick={retry}
              className="mt-4 rounded-md bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200"
            >
              Try again
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
