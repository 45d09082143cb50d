import { WEEKDAYS } from "./weekdays";

/** "a daily digest" or "a weekly digest (Mondays)", for sentences in pages and emails. */
export function describeSchedule(frequency: "daily" | "weekly", weekday: number): string {
  return frequency === "daily" ? "a daily digest" : `a weekly digest (${WEEKDAYS[weekday - 1] ?? "Monday"}s)`;
}
