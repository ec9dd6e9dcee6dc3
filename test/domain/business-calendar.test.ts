import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  type BusinessCalendar,
  fromZoned,
} from "../../src/domain/escalations/business-calendar.js";

const lisbon: BusinessCalendar = {
  timeZone: "Europe/Lisbon",
  dayStart: 9 * 60,
  dayEnd: 17 * 60,
  days: [1, 2, 3, 4, 5],
  holidays: new Set(),
};

describe("addBusinessMinutes", () => {
  it("counts within the same business day", () => {
    // Tuesday 2026-11-24 10:00 in Lisbon (UTC+0 in winter).
    expect(addBusinessMinutes(new Date("2026-11-24T10:00:00Z"), 60, lisbon).toISOString()).toBe(
      "2026-11-24T11:00:00.000Z",
    );
  });

  it("carries over the night and starts counting at opening time", () => {
    expect(addBusinessMinutes(new Date("2026-11-24T16:30:00Z"), 60, lisbon).toISOString()).toBe(
      "2026-11-25T09:30:00.000Z",
    );
    expect(addBusinessMinutes(new Date("2026-11-24T05:00:00Z"), 30, lisbon).toISOString()).toBe(
      "2026-11-24T09:30:00.000Z",
    );
  });

  it("skips weekends and holidays", () => {
    // Friday 2026-11-27 16:00 + 2 business hours: Monday 30 Nov is a holiday, so Tuesday 1 Dec 10:00.
    const withHoliday = { ...lisbon, holidays: new Set(["2026-11-30"]) };
    expect(addBusinessMinutes(new Date("2026-11-27T16:00:00Z"), 120, withHoliday).toISOString()).toBe(
      "2026-12-01T10:00:00.000Z",
    );
  });

  it("works in the workspace's time zone, across a DST change", () => {
    const kolkata = { ...lisbon, timeZone: "Asia/Kolkata" };
    // 09:00 IST is 03:30 UTC.
    expect(addBusinessMinutes(new Date("2026-11-24T00:00:00Z"), 0, kolkata).toISOString()).toBe(
      "2026-11-24T03:30:00.000Z",
    );
    const helsinki = { ...lisbon, timeZone: "Europe/Helsinki" };
    // Friday 2026-03-27 16:00 EET (14:00 UTC) + 2h → Monday 2026-03-30 10:00 EEST (07:00 UTC).
    expect(addBusinessMinutes(new Date("2026-03-27T14:00:00Z"), 120, helsinki).toISOString()).toBe(
      "2026-03-30T07:00:00.000Z",
    );
  });

  it("converts wall-clock times in a zone", () => {
    expect(fromZoned({ year: 2026, month: 7, day: 1 }, 9 * 60, "Europe/Riga").toISOString()).toBe(
      "2026-07-01T06:00:00.000Z",
    );
  });
});
