export const PERIODS = ["day", "week", "month", "all"] as const;
export type Period = (typeof PERIODS)[number];

const CURRENT_LABELS: Record<Period, string> = { day: "Today", week: "This week", month: "This month", all: "All time" };
const PAST_LABELS: Record<Period, string> = { day: "Day", week: "Week", month: "Month", all: "All time" };

/** "Today", "This week"… while the listing ends today; "Day", "Week"… for a past date. */
export function periodLabel(period: Period, date: string | undefined, today = todayUtc()): string {
  return (!date || date === today ? CURRENT_LABELS : PAST_LABELS)[period];
}

const PERIOD_DAYS: Record<Exclude<Period, "all">, number> = { day: 1, week: 7, month: 30 };

/** The first day arXiv lists papers on; nothing is older. */
export const FIRST_LISTING_DAY = "1991-08-14";

const DAY_MS = 86_400_000;

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The listing days a period covers, ending on (and including) `date`; null for all time. */
export function periodWindow(period: Period, date: string): { from: string; to: string } | null {
  if (period === "all") return null;
  return { from: addDays(date, 1 - PERIOD_DAYS[period]), to: date };
}
