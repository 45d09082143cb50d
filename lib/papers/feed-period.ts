import { formatDay } from "@/lib/format";

export const PERIODS = ["day", "week", "month", "all"] as const;
export type Period = (typeof PERIODS)[number];
export type ListingWindow = { from: string; to: string };

const CURRENT_LABELS: Record<Period, string> = { day: "Today", week: "This week", month: "This month", all: "All time" };
const PAST_LABELS: Record<Period, string> = { day: "Day", week: "Week", month: "Month", all: "All time" };
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** The first day arXiv lists papers on; nothing is older. */
export const FIRST_LISTING_DAY = "1991-08-14";

const DAY_MS = 86_400_000;

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Monday of the ISO week holding `day`. */
function isoMonday(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** "2025-W07": the ISO week holding `day` (its year is the year of the week's Thursday). */
export function isoWeekOf(day: string): string {
  const thursday = addDays(isoMonday(day), 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The listing days a period covers: the day, the ISO week (Monday to Sunday) or the calendar month holding `date`; null for all time. */
export function periodWindow(period: Period, date: string): ListingWindow | null {
  if (period === "all") return null;
  if (period === "day") return { from: date, to: date };
  if (period === "week") {
    const monday = isoMonday(date);
    return { from: monday, to: addDays(monday, 6) };
  }
  const first = `${date.slice(0, 7)}-01`;
  const nextMonth = new Date(Date.parse(`${first}T00:00:00Z`));
  nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1);
  return { from: first, to: addDays(nextMonth.toISOString().slice(0, 10), -1) };
}

/** How a period is written in a URL: "2025-02-10", "2025-W07" or "2025-02". */
export function periodParam(period: Period, date: string): string {
  return period === "week" ? isoWeekOf(date) : period === "month" ? date.slice(0, 7) : date;
}

/**
 * The first day of what a `date` parameter names: a day (YYYY-MM-DD), a month (YYYY-MM) or an ISO
 * week (YYYY-Www, as `<input type="week">` sends it); null when it names none.
 */
export function parsePeriodDate(value: string): string | null {
  let day: string;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) day = value;
  else if (/^\d{4}-\d{2}$/.test(value)) day = `${value}-01`;
  else if (/^\d{4}-W\d{2}$/.test(value)) day = addDays(isoMonday(`${value.slice(0, 4)}-01-04`), (Number(value.slice(6)) - 1) * 7);
  else return null;
  const valid = !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
  if (!valid || (value.includes("W") && isoWeekOf(day) !== value)) return null;
  return day;
}

/** "Today", "This week"… while the period holds today; "Day", "Week"… for a past one. */
export function periodLabel(period: Period, date: string | undefined, today = todayUtc()): string {
  const window = date ? periodWindow(period, date) : null;
  const current = !window || (window.from <= today && today <= window.to);
  return (current ? CURRENT_LABELS : PAST_LABELS)[period];
}

/** "Feb 10, 2025", "Week 7 of 2025", "February 2025", or "All time". */
export function describePeriod(period: Period, date: string): string {
  if (period === "all") return "All time";
  if (period === "day") return formatDay(date);
  if (period === "month") return `${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
  const [year, week] = isoWeekOf(date).split("-W");
  return `Week ${Number(week)} of ${year}`;
}
