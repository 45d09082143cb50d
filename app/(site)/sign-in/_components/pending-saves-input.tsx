"use client";

import { useSyncExternalStore } from "react";

import { readBrowserSaves, subscribeToBrowserSaves } from "@/components/browser-saves";
import { PENDING_SAVES_FIELD } from "@/lib/readers/pending-saves-field";

/** Carries the papers saved in this browser before signing in into the sign-in form. */
export function PendingSavesInput() {
  const pending = useSyncExternalStore(
    subscribeToBrowserSaves,
    () => readBrowserSaves().join(" "),
    () => "",
  );
  return <input type="hidden" name={PENDING_SAVES_FIELD} value={pending} />;
}
