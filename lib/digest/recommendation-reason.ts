import { shorten } from "@/lib/format";

const TITLE_CHARS = 70;

/**
 * Why the reader's model picked a paper, in their words: the (at most two) liked papers it is
 * closest to, "Because you saved “LeanAgent” and “DeepSeek-Prover”", or "liked" for a paper the
 * reader rated "More like this" without saving it.
 */
export function recommendationReason(because: { title: string; saved: boolean }[]): string {
  const [first, second] = because.map(({ title, saved }) => ({
    verb: saved ? "saved" : "liked",
    title: `“${shorten(title, TITLE_CHARS)}”`,
  }));
  if (!first) return "Because of papers you saved";
  if (!second) return `Because you ${first.verb} ${first.title}`;
  return first.verb === second.verb
    ? `Because you ${first.verb} ${first.title} and ${second.title}`
    : `Because you ${first.verb} ${first.title} and ${second.verb} ${second.title}`;
}
