import { parseArxivId } from "./arxiv-id";

/**
 * The arXiv id from a catch-all route segment: old-style ids contain a slash
 * ("hep-th/9901001"), so they arrive as two segments. A version suffix or "arXiv:" prefix is
 * accepted and dropped; `canonical` is false when the URL should be redirected to the bare id.
 */
export function arxivIdFromSegments(segments: string[]): { id: string; canonical: boolean } | null {
  let raw: string;
  try {
    raw = segments.map(decodeURIComponent).join("/");
  } catch {
    return null;
  }
  if (raw.length > 100) return null;
  const parsed = parseArxivId(raw);
  return parsed ? { id: parsed.id, canonical: parsed.id === raw } : null;
}
