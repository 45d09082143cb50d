import { PENDING_SAVES_STORAGE_KEY } from "@/lib/readers/pending-saves-field";

// Papers saved before signing in live in this browser's localStorage until sign-in merges them.
const CHANGED = "paperpulse:saved-changed";

export function readBrowserSaves(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(PENDING_SAVES_STORAGE_KEY) ?? "[]");
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

export function writeBrowserSaves(ids: string[]): void {
  if (ids.length === 0) localStorage.removeItem(PENDING_SAVES_STORAGE_KEY);
  else localStorage.setItem(PENDING_SAVES_STORAGE_KEY, JSON.stringify(ids));
  window.dispatchEvent(new Event(CHANGED));
}

/** For useSyncExternalStore: changes made in this tab and in others. */
export function subscribeToBrowserSaves(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener("storage", onChange);
  };
}
