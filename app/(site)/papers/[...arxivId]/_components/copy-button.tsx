"use client";

import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** Copies `text` to the clipboard; rendered only once scripts run, since it cannot work without them. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  // False on the server and while hydrating, then whether this browser offers the clipboard.
  const canCopy = useSyncExternalStore(
    noSubscription,
    () => Boolean(navigator.clipboard),
    () => false,
  );
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  if (!canCopy) return null;
  return (
    <>
      <button
        type="button"
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => setStatus("copied"),
            () => setStatus("failed"),
          )
        }
        className="rounded-md border border-stone-300 px-3 py-1 font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
      >
        {label}
      </button>
      <span role="status" className="text-stone-600 dark:text-stone-400">
        {status === "copied" ? "Copied." : status === "failed" ? "Copying failed; select the text instead." : ""}
      </span>
    </>
  );
}
