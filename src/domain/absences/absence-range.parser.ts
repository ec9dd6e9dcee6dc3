import { isCalendarDate, parseWhen } from "../follow-ups/when.parser.js";

// The days of an absence as people type them: "2026-12-24..2027-01-02", "2026-12-24",
// "today", "tomorrow..2026-12-31" (the words for today and tomorrow in each language),
// then an optional note.

export type AbsenceRange =
  | { ok: true; startsOn: string; endsOn: string; note: string | null }
  | { ok: false; problem: "noDates" | "endsBeforeStart" | "tooLong" | "inThePast" };

const DAY_MS = 86_400_000;

/** A local day plus `days`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

function dayOf(word: string, today: string): string | null {
  if (isCalendarDate(word)) return word;
  const when = parseWhen(word);
  return when?.kind === "day" ? addDays(today, when.offsetDays) : null;
}

/** Reads `text` against `today` (the person's local date); at most `maxDays` long. */
export function parseAbsenceRange(text: string, today: string, maxDays: number): AbsenceRange {
  const [first = "", ...rest] = text.trim().split(/\s+/);
  const [from = "", to, ...more] = first.split(/\.\.|–|—/);
  const startsOn = dayOf(from.toLowerCase(), today);
  const endsOn = to === undefined ? startsOn : dayOf(to.toLowerCase(), today);
  if (!startsOn || !endsOn || more.length) return { ok: false, problem: "noDates" };
  if (endsOn < startsOn) return { ok: false, problem: "endsBeforeStart" };
  if (endsOn < today) return { ok: false, problem: "inThePast" };
  if (daysBetween(startsOn, endsOn) + 1 > maxDays) return { ok: false, problem: "tooLong" };
  const note = rest.join(" ").trim();
  return { ok: true, startsOn, endsOn, note: note || null };
}
