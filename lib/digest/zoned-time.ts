/** A moment as a wall clock in some time zone shows it. */
export type ZonedParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
};

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();
// A digest run asks every subscriber's zone about the same instant, the run's start: the last
// answer per zone is kept, and formatting (the costly part) happens once per zone, not per subscriber.
const lastParts = new Map<string, { time: number; parts: Readonly<ZonedParts> }>();

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone's wall clock at `instant`. A zone the runtime does not know counts as UTC, so one bad
 * row can never stop a digest run.
 */
export function zonedParts(instant: Date, timeZone: string): Readonly<ZonedParts> {
  const time = instant.getTime();
  const last = lastParts.get(timeZone);
  if (last?.time === time) return last.parts;
  const parts: Record<string, string> = {};
  for (const part of safeFormatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const zoned = Object.freeze({
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday!]!,
  });
  lastParts.set(timeZone, { time, parts: zoned });
  return zoned;
}

/** "YYYY-MM-DD" of the zone's calendar day at `instant`. */
export function zonedDay(instant: Date, timeZone: string): string {
  const { year, month, day } = zonedParts(instant, timeZone);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The first instant of calendar day `day` ("YYYY-MM-DD") in the zone. Usually local midnight; on
 * a day whose midnight a DST change skips, the first minute that exists (e.g. 01:00).
 */
export function startOfZonedDay(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(year, month - 1, date);
  // UTC offsets lie within −12 h … +14 h, so the day starts within this range; the first minute
  // whose local day is `day` or later is found by bisection, whatever the zone's DST rules.
  let low = wallMidnight - 15 * HOUR_MS;
  let high = wallMidnight + 13 * HOUR_MS;
  while (high - low > MINUTE_MS) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (zonedDay(new Date(middle), timeZone) >= day) high = middle;
    else low = middle;
  }
  return new Date(high);
}

/** The calendar day `days` after `day`, both "YYYY-MM-DD". */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    cached = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

function safeFormatter(timeZone: string): Intl.DateTimeFormat {
  try {
    return formatter(timeZone);
  } catch {
    const utc = formatter("UTC");
    formatters.set(timeZone, utc);
    return utc;
  }
}
