"use client";

import { useSyncExternalStore } from "react";

import { PENDING_SAVES_FIELD, PENDING_SAVES_STORAGE_KEY } from "@/lib/readers/pending-saves-field";

const noSubscription = () => () => {};
const readPending = () => {
  try {
    return (JSON.parse(localStorage.getItem(PENDING_SAVES_STORAGE_KEY) ?? "[]") as string[]).join(" ");
  } catch {
    return "";
  }
};

/** Carries the papers saved in this browser before signing in into the sign-in form. */
export function PendingSavesInput() {
  const pending = useSyncExternalStore(noSubscription, readPending, () => "");
  return <input type="hidden" name={PENDING_SAVES_FIELD} value={pending} />;
}
