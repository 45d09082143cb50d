import { isValidArxivId } from "./arxiv-id";

/**
 * The arXiv id from a catch-all route segment: old-style ids contain a slash
 * ("hep-th/9901001"), so they arrive as two segments. Null when it is not an id.
 */
export function arxivIdFromSegments(segments: string[]): string | null {
  let id: string;
  try {
    id = segments.map(decodeURIComponent).join("/");
  } catch {
    return null;
  }
  return isValidArxivId(id) ? id : null;
}
