/** One listing week (its Monday) and how many papers it listed. */
export type WeekCount = { week: string; papers: number };

export const TREND_WEEKS = 52;

export type Bar = WeekCount & { x: number; y: number; width: number; height: number };
export type WeeklyBars = { bars: Bar[]; peak: number; total: number; width: number; height: number };

const DAY_MS = 86_400_000;

/** The Monday `weeks` weeks before (negative) or after a Monday, as "YYYY-MM-DD". */
export function addWeeks(monday: string, weeks: number): string {
  return new Date(Date.parse(`${monday}T00:00:00Z`) + weeks * 7 * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of a day's ISO week. */
export function mondayOf(day: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  const sinceMonday = (new Date(time).getUTCDay() + 6) % 7;
  return new Date(time - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The geometry of a bar chart of papers per week: one bar per week of the 52 ending with
 * `lastWeek`, weeks without papers as zero, the tallest bar the full height of a `width`×`height`
 * viewBox. Bars with papers are at least one unit tall, so a single paper in a busy year shows.
 */
export function weeklyBars(lastWeek: string, counts: WeekCount[], width = 520, height = 96): WeeklyBars {
  const byWeek = new Map(counts.map(({ week, papers }) => [week, papers]));
  const weeks = Array.from({ length: TREND_WEEKS }, (_, index) => addWeeks(lastWeek, index - TREND_WEEKS + 1));
  const papers = weeks.map((week) => byWeek.get(week) ?? 0);
  const peak = Math.max(0, ...papers);
  const step = width / TREND_WEEKS;
  const gap = step / 5;
  const bars = weeks.map((week, index) => {
    const count = papers[index]!;
    const barHeight = peak === 0 || count === 0 ? 0 : Math.max(1, (count / peak) * height);
    return { week, papers: count, x: index * step + gap / 2, y: height - barHeight, width: step - gap, height: barHeight };
  });
  return { bars, peak, total: papers.reduce((sum, count) => sum + count, 0), width, height };
}
