// Report periods: ISO weeks and calendar months in the reader's time zone, so a
// week starts at their Monday midnight, not UTC's.
import { fromZoned, zoned } from "../escalations/business-calendar.js";
import { periodWordOf } from "./report-words.js";

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface Period {
  /** First instant inside, and first instant after. */
  from: Date;
  to: Date;
  /** The same span one week (or month) before, for the change figures. */
  previous: { from: Date; to: Date };
  kind: "week" | "month";
  /** "2026-W47" or "2026-11". */
  label: string;
  /** Still running: ends now rather than at the end of the week or month. */
  partial: boolean;
}

const DAY = 86_400_000;
const addDays = (d: LocalDate, n: number): LocalDate => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};
const weekdayOf = (d: LocalDate) => ((new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7) + 1;

/** The ISO week a local date falls in. */
export function isoWeekOf(d: LocalDate): { year: number; week: number } {
  const thursday = addDays(d, 4 - weekdayOf(d));
  const dayOfYear = (Date.UTC(thursday.year, thursday.month - 1, thursday.day) - Date.UTC(thursday.year, 0, 1)) / DAY;
  return { year: thursday.year, week: Math.floor(dayOfYear / 7) + 1 };
}

/** The Monday that starts ISO week `week` of `year`. */
export function mondayOfIsoWeek(year: number, week: number): LocalDate {
  const jan4 = { year, month: 1, day: 4 };
  return addDays(jan4, 1 - weekdayOf(jan4) + 7 * (week - 1));
}

export const weekLabel = (w: { year: number; week: number }) => `${w.year}-W${String(w.week).padStart(2, "0")}`;

const weeksInYear = (year: number) => isoWeekOf({ year, month: 12, day: 28 }).week;

/** The ISO week holding `instant` in `timeZone`. */
export function weekAt(instant: Date, timeZone: string): { year: number; week: number } {
  return isoWeekOf(zoned(instant, timeZone));
}

/** The instants a whole ISO week spans in `timeZone`. */
export function weekSpan(year: number, week: number, timeZone: string): { from: Date; to: Date } {
  const monday = mondayOfIsoWeek(year, week);
  return { from: fromZoned(monday, 0, timeZone), to: fromZoned(addDays(monday, 7), 0, timeZone) };
}

/** The week before a given ISO week. */
export function weekBefore(w: { year: number; week: number }): { year: number; week: number } {
  return w.week > 1 ? { year: w.year, week: w.week - 1 } : { year: w.year - 1, week: weeksInYear(w.year - 1) };
}

/** A whole ISO week (or the part of it before `now`), with the same span of the week before. */
export function weekPeriod(w: { year: number; week: number }, timeZone: string, now: Date): Period {
  const span = weekSpan(w.year, w.week, timeZone);
  const before = weekSpan(weekBefore(w).year, weekBefore(w).week, timeZone);
  const partial = now < span.to;
  const to = partial ? now : span.to;
  // A week still running is compared with the same stretch of the week before.
  const previousTo = partial ? new Date(before.from.getTime() + (to.getTime() - span.from.getTime())) : before.to;
  return {
    from: span.from,
    to,
    previous: { from: before.from, to: previousTo },
    kind: "week",
    label: weekLabel(w),
    partial,
  };
}

function monthPeriod(year: number, month: number, timeZone: string, now: Date): Period {
  const from = fromZoned({ year, month, day: 1 }, 0, timeZone);
  const end = fromZoned(
    month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 },
    0,
    timeZone,
  );
  const prev = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  const partial = now < end;
  return {
    from,
    to: partial ? now : end,
    previous: { from: fromZoned({ ...prev, day: 1 }, 0, timeZone), to: from },
    kind: "month",
    label: `${year}-${String(month).padStart(2, "0")}`,
    partial,
  };
}

/** A word that names a period (whether or not it is a valid one): `last`, `2026-W47`, `2026-11`… */
/** Whether a typed word names a period (a period word in any language, a week or a month). */
export function isPeriodText(text: string): boolean {
  return periodWordOf(text) !== undefined || /^\d{4}-w?\d{1,2}$/i.test(text.trim());
}

/**
 * What people type after `/rapport digest`, `review` or `export`: nothing or `week` (this
 * week so far), `last` (last week), `month`, `last-month`, an ISO week (`2026-W47`) or a
 * month (`2026-11`). Undefined when it is none of those or lies in the future.
 */
export function parsePeriod(
  text: string,
  now: Date,
  timeZone: string,
  fallback: "week" | "last" = "week",
): Period | undefined {
  const typed = text.trim().toLowerCase() || fallback;
  const word = periodWordOf(typed) ?? typed;
  const today = zoned(now, timeZone);
  const thisWeek = isoWeekOf(today);
  let period: Period | undefined;
  if (word === "week" || word === "this") period = weekPeriod(thisWeek, timeZone, now);
  else if (word === "last") period = weekPeriod(weekBefore(thisWeek), timeZone, now);
  else if (word === "month") period = monthPeriod(today.year, today.month, timeZone, now);
  else if (word === "last-month")
    period =
      today.month === 1
        ? monthPeriod(today.year - 1, 12, timeZone, now)
        : monthPeriod(today.year, today.month - 1, timeZone, now);
  else {
    const week = /^(\d{4})-w(\d{1,2})$/.exec(word);
    const month = /^(\d{4})-(\d{2})$/.exec(word);
    if (week) {
      const w = { year: Number(week[1]), week: Number(week[2]) };
      if (w.week >= 1 && w.week <= weeksInYear(w.year)) period = weekPeriod(w, timeZone, now);
    } else if (month) {
      const m = Number(month[2]);
      if (m >= 1 && m <= 12) period = monthPeriod(Number(month[1]), m, timeZone, now);
    }
  }
  return period && period.from < now ? period : undefined;
}

/** The last `count` ISO weeks up to and including `w`, oldest first. */
export function weeksUpTo(w: { year: number; week: number }, count: number): Array<{ year: number; week: number }> {
  const weeks = [w];
  while (weeks.length < count) weeks.unshift(weekBefore(weeks[0] ?? w));
  return weeks;
}
