const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Mar 11, 2025" from "2025-03-11"; dates are calendar days, so no time zone applies. */
export function formatDay(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${MONTHS[(month ?? 1) - 1]} ${day}, ${year}`;
}

export function formatMonth(isoDate: string): string {
  const [year, month] = isoDate.split("-").map(Number);
  return `${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** "Ada Lovelace, Alan Turing, Grace Hopper et al." — at most `shown` names before "et al.". */
export function shortenAuthors(authors: string[], total = authors.length, shown = 3): string {
  if (total === 0) return "Authors not listed";
  if (total <= shown) return authors.join(", ");
  return `${authors.slice(0, shown).join(", ")} et al.`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

/** `text` cut at a word boundary to at most `max` characters, with an ellipsis when it was cut. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}
