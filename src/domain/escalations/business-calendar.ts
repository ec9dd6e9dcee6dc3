// Business time: deadlines count only the minutes inside business hours, on
// business days that are not holidays, in the workspace's time zone.

export interface BusinessCalendar {
  timeZone: string;
  /** Minutes after local midnight. */
  dayStart: number;
  dayEnd: number;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  days: number[];
  /** Local dates, YYYY-MM-DD. */
  holidays: Set<string>;
}

const MINUTE = 60_000;
const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date, time and weekday at `instant` in `timeZone`. */
export function zoned(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    seconds: Number(parts.second),
    weekday: WEEKDAY[parts.weekday ?? "Mon"] ?? 1,
  };
}

/** The local date (YYYY-MM-DD) at `instant` in `timeZone`. */
export function localDay(instant: Date, timeZone: string): string {
  const z = zoned(instant, timeZone);
  return `${z.year}-${String(z.month).padStart(2, "0")}-${String(z.day).padStart(2, "0")}`;
}

/** The instant when the wall clock in `timeZone` shows `minutes` after midnight of `date`. */
export function fromZoned(date: LocalDate, minutes: number, timeZone: string): Date {
  const target = Date.UTC(date.year, date.month - 1, date.day) + minutes * MINUTE;
  let guess = target;
  // Two rounds settle the zone offset, DST changes included.
  for (let i = 0; i < 2; i++) {
    const seen = zoned(new Date(guess), timeZone);
    const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day) + seen.minutes * MINUTE + seen.seconds * 1000;
    guess += target - seenAsUtc;
  }
  return new Date(guess);
}

const iso = (d: LocalDate) => `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

function nextDay(d: LocalDate): LocalDate {
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

export function isBusinessDay(calendar: BusinessCalendar, date: LocalDate, weekday: number): boolean {
  return calendar.days.includes(weekday) && !calendar.holidays.has(iso(date));
}

/** The instant `minutes` business minutes after `start`. */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  let remaining = minutes;
  let cursor = start;
  for (let guard = 0; guard < 800; guard++) {
    const local = zoned(cursor, calendar.timeZone);
    const date = { year: local.year, month: local.month, day: local.day };
    if (isBusinessDay(calendar, date, local.weekday)) {
      const open = fromZoned(date, calendar.dayStart, calendar.timeZone);
      const close = fromZoned(date, calendar.dayEnd, calendar.timeZone);
      if (cursor < open) cursor = open;
      if (cursor < close) {
        const available = (close.getTime() - cursor.getTime()) / MINUTE;
        if (remaining <= available) return new Date(cursor.getTime() + remaining * MINUTE);
        remaining -= available;
      }
    }
    cursor = fromZoned(nextDay(date), 0, calendar.timeZone);
  }
  throw new Error("the business calendar has no business hours");
}
