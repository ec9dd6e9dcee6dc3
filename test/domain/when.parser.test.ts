import { describe, expect, it } from "vitest";
import { isCalendarDate, parseWhen } from "../../src/domain/follow-ups/when.parser.js";

describe("parseWhen", () => {
  it.each([
    ["in 3 days", { kind: "in", minutes: 3 * 24 * 60 }],
    ["in 2 hours", { kind: "in", minutes: 120 }],
    ["in 1 week", { kind: "in", minutes: 7 * 24 * 60 }],
    ["tomorrow", { kind: "day", offsetDays: 1 }],
    ["Tomorrow", { kind: "day", offsetDays: 1 }],
    ["next monday", { kind: "weekday", weekday: 1 }],
    ["2026-12-01", { kind: "date", date: "2026-12-01" }],
    ["daqui a 3 dias", { kind: "in", minutes: 3 * 24 * 60 }],
    ["amanhã", { kind: "day", offsetDays: 1 }],
    ["próxima segunda-feira", { kind: "weekday", weekday: 1 }],
    ["3 päivän päästä", { kind: "in", minutes: 3 * 24 * 60 }],
    ["huomenna", { kind: "day", offsetDays: 1 }],
    ["pēc 3 dienām", { kind: "in", minutes: 3 * 24 * 60 }],
    ["3 दिन बाद", { kind: "in", minutes: 3 * 24 * 60 }],
    ["நாளை", { kind: "day", offsetDays: 1 }],
    ["अगले सोमवार", { kind: "weekday", weekday: 1 }],
    ["शुक्रवार", { kind: "weekday", weekday: 5 }],
    ["அடுத்த திங்கள்", { kind: "weekday", weekday: 1 }],
    ["வெள்ளி", { kind: "weekday", weekday: 5 }],
    ["ensi maanantaina", { kind: "weekday", weekday: 1 }],
    ["nākamajā piektdienā", { kind: "weekday", weekday: 5 }],
  ])("reads %j", (text, expected) => {
    expect(parseWhen(text)).toEqual(expected);
  });

  it("says nothing for what it cannot read", () => {
    expect(parseWhen("whenever")).toBeNull();
    expect(parseWhen("2026-13-45")).toBeNull();
    expect(parseWhen("")).toBeNull();
  });
});

describe("parseWhen on a whole phrase only", () => {
  it("is no time when a word does not belong to one (the customer 'Delta Foods' stays whole)", () => {
    expect(parseWhen("Foods in 3 days")).toBeNull();
    expect(parseWhen("Foods next monday")).toBeNull();
    expect(parseWhen("in 3 days")).toEqual({ kind: "in", minutes: 3 * 24 * 60 });
    expect(parseWhen("3 monday days")).toBeNull();
    expect(parseWhen("in 0 days")).toBeNull();
  });

  it("refuses days the calendar does not have", () => {
    expect(parseWhen("2026-02-30")).toBeNull();
    expect(parseWhen("2026-02-29")).toBeNull();
    expect(parseWhen("2028-02-29")).toEqual({ kind: "date", date: "2028-02-29" });
    expect(isCalendarDate("2026-04-31")).toBe(false);
  });
});
