import { describe, expect, it } from "vitest";
import { lastDigestMoment } from "../../src/domain/reports/digest-delivery.service.js";
import { isoWeekOf, isPeriodText, parsePeriod, weekSpan } from "../../src/domain/reports/report-period.js";
import { afterSelfWord } from "../../src/domain/reports/report-words.js";

describe("report periods", () => {
  it("numbers ISO weeks as the standard does, across year ends", () => {
    expect(isoWeekOf({ year: 2026, month: 11, day: 24 })).toEqual({ year: 2026, week: 48 });
    expect(isoWeekOf({ year: 2021, month: 1, day: 3 })).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf({ year: 2024, month: 12, day: 30 })).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf({ year: 2026, month: 12, day: 31 })).toEqual({ year: 2026, week: 53 });
  });

  it("starts a week at the reader's Monday midnight, summer time changes included", () => {
    // New York leaves summer time on Sunday 1 November 2026: that week is an hour longer.
    const span = weekSpan(2026, 44, "America/New_York");
    expect(span.from.toISOString()).toBe("2026-10-26T04:00:00.000Z");
    expect(span.to.toISOString()).toBe("2026-11-02T05:00:00.000Z");
    expect(weekSpan(2026, 47, "Asia/Kolkata").from.toISOString()).toBe("2026-11-15T18:30:00.000Z");
  });

  it("reads the words people type, and refuses the future and nonsense", () => {
    const now = new Date("2026-11-24T10:00:00Z");
    const week = parsePeriod("", now, "UTC");
    expect(week).toMatchObject({ label: "2026-W48", partial: true, kind: "week" });
    expect(week?.to).toEqual(now);
    // A week still running is compared with the same stretch of the week before.
    expect(week?.previous).toEqual({ from: new Date("2026-11-16T00:00:00Z"), to: new Date("2026-11-17T10:00:00Z") });
    expect(parsePeriod("last", now, "UTC")).toMatchObject({ label: "2026-W47", partial: false });
    expect(parsePeriod("2026-W47", now, "UTC")?.from).toEqual(new Date("2026-11-16T00:00:00Z"));
    expect(parsePeriod("2026-10", now, "UTC")).toMatchObject({ label: "2026-10", kind: "month", partial: false });
    expect(parsePeriod("2026-10", now, "UTC")?.previous.from).toEqual(new Date("2026-09-01T00:00:00Z"));
    expect(parsePeriod("month", now, "UTC")).toMatchObject({ label: "2026-11", partial: true });
    for (const bad of ["2026-W54", "2027-W01", "2026-13", "yesterday", "2026-W00"])
      expect(parsePeriod(bad, now, "UTC"), bad).toBeUndefined();
  });

  it("reads the period words of every language Rapport speaks, as one word or several", () => {
    const now = new Date("2026-11-24T10:00:00Z");
    const same = {
      last: ["semana passada", "viime viikko", "pagājušā nedēļa", "पिछला सप्ताह", "கடந்த வாரம்", "Passada"],
      month: ["mês", "kuukausi", "mēnesis", "महीना", "மாதம்"],
      "last-month": ["mês passado", "viime kuukausi", "pagājušais mēnesis", "पिछले महीने", "கடந்த மாதம்"],
      week: ["semana", "tämä viikko", "nedēļa", "इस सप्ताह", "இந்த வாரம்"],
    };
    for (const [english, words] of Object.entries(same)) {
      const expected = parsePeriod(english, now, "UTC")?.label;
      expect(expected).toBeDefined();
      for (const word of words) expect(parsePeriod(word, now, "UTC")?.label, word).toBe(expected);
    }
    expect(isPeriodText("viime")).toBe(true);
    expect(isPeriodText("Support")).toBe(false);
  });

  it("reads the word for oneself in every language", () => {
    for (const word of ["me", "eu", "minä", "es", "मैं", "நான்"]) expect(afterSelfWord(`${word} last`), word).toBe("last");
    expect(afterSelfWord("<@U1> last")).toBeUndefined();
    expect(afterSelfWord("mensal")).toBeUndefined();
  });

  it("finds the last digest moment in the reader's zone, and the week it reports on", () => {
    // Monday 08:00 in Helsinki (UTC+2 in winter) is 06:00 UTC.
    const before = lastDigestMoment(new Date("2026-11-23T05:59:00Z"), "Europe/Helsinki", 1, 480);
    expect(before.at.toISOString()).toBe("2026-11-16T06:00:00.000Z");
    expect(before.week).toEqual({ year: 2026, week: 46 });
    const after = lastDigestMoment(new Date("2026-11-23T06:00:00Z"), "Europe/Helsinki", 1, 480);
    expect(after.at.toISOString()).toBe("2026-11-23T06:00:00.000Z");
    expect(after.week).toEqual({ year: 2026, week: 47 });
  });
});
