import { describe, expect, it } from "vitest";
import { parseWhen } from "../../src/domain/follow-ups/when.parser.js";

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
  ])("reads %j", (text, expected) => {
    expect(parseWhen(text)).toEqual(expected);
  });

  it("says nothing for what it cannot read", () => {
    expect(parseWhen("whenever")).toBeNull();
    expect(parseWhen("2026-13-45")).toBeNull();
    expect(parseWhen("")).toBeNull();
  });
});
