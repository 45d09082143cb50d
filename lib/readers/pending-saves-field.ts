import { isValidArxivId } from "@/lib/papers/arxiv-id";

/** Papers saved in a browser before signing in travel in one form field, space-separated. */
export const PENDING_SAVES_FIELD = "pendingSaves";
export const PENDING_SAVES_STORAGE_KEY = "paperpulse:saved";
const MAX_PENDING = 1_000;

/** The valid ids of the field, at most MAX_PENDING; anything else in it is ignored. */
export function parsePendingSaves(value: FormDataEntryValue | null): string[] {
  if (typeof value !== "string" || value.length > 40 * MAX_PENDING) return [];
  return [...new Set(value.split(/\s+/).filter(isValidArxivId))].slice(0, MAX_PENDING);
}
