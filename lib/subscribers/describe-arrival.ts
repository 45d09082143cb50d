import { WEEKDAYS } from "./weekdays";

/**
 * "Daily digests arrive at 00:05 in your time zone (Europe/Berlin)." A digest goes out at the first
 * run (`runs`, UTC instants in order) at or after `sendHour` o'clock in the subscriber's zone, so
 * that run's local time is when it arrives, every day. Null when the runs never reach that hour.
 */
export function describeArrival(
  schedule: { runs: string[]; sendHour: number },
  preferences: { timeZone: string; frequency: string; weekday: string },
): string | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-GB", { timeZone: preferences.timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  } catch {
    return null;
  }
  const dayOf = new Intl.DateTimeFormat("en-CA", { timeZone: preferences.timeZone });
  const firstDay = schedule.runs[0] ? dayOf.format(new Date(schedule.runs[0])) : null;
  // A whole local day after the first run's: its first run from the send hour is the daily one.
  const arrival = schedule.runs.find((run) => {
    const instant = new Date(run);
    return dayOf.format(instant) !== firstDay && Number(format.format(instant).slice(0, 2)) >= schedule.sendHour;
  });
  if (!arrival) return null;
  const time = format.format(new Date(arrival));
  const when =
    preferences.frequency === "weekly"
      ? `Weekly digests arrive on ${WEEKDAYS[Number(preferences.weekday) - 1] ?? "Monday"}s at ${time}`
      : `Daily digests arrive at ${time}`;
  return `${when} in your time zone (${preferences.timeZone}).`;
}
