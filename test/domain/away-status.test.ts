// A Slack status read as a hint that someone is away: which statuses count, and the days they suggest.
import { describe, expect, it } from "vitest";
import { awayHintOf } from "../../src/domain/absences/away-status.js";

const NOW = new Date("2026-12-03T10:00:00Z");
const at = (iso: string) => Date.parse(iso) / 1000;

describe("a Slack status as a hint of an absence", () => {
  it.each([
    [":palm_tree:", "Vacationing"],
    [":face_with_thermometer:", "Out sick"],
    ["", "OOO until Monday"],
    ["", "On leave"],
    ["", "De férias!"],
    ["", "Lomalla"],
    ["", "sairaslomalla"],
    ["", "Atvaļinājumā"],
    ["", "छुट्टी पर"],
    ["", "விடுமுறையில்"],
  ])("reads %s %s as away", (emoji, text) => {
    expect(awayHintOf({ emoji, text, expiration: 0 }, NOW, "UTC")).toMatchObject({
      startsOn: "2026-12-03",
      endsOn: "2026-12-03",
      untilKnown: false,
    });
  });

  it.each([
    [":spiral_calendar_pad:", "In a meeting"],
    [":house_with_garden:", "Working remotely"],
    ["", "Sicko mode playlist"],
    ["", "Bookkeeping"],
    ["", ""],
  ])("leaves %s %s alone", (emoji, text) => {
    expect(awayHintOf({ emoji, text, expiration: 0 }, NOW, "UTC")).toBeNull();
  });

  it("ends the day before a status that expires at midnight, read in the person's zone", () => {
    expect(awayHintOf({ emoji: ":palm_tree:", text: "", expiration: at("2026-12-06T00:00:00Z") }, NOW, "UTC")).toEqual({
      startsOn: "2026-12-03",
      endsOn: "2026-12-05",
      untilKnown: true,
      shown: ":palm_tree:",
    });
    // Midnight in Auckland (UTC+13) is 11:00 UTC the day before; 10:00 UTC is already the 3rd's 23:00 there.
    const kiwi = awayHintOf(
      { emoji: ":palm_tree:", text: "Holiday", expiration: at("2026-12-05T11:00:00Z") },
      NOW,
      "Pacific/Auckland",
    );
    expect(kiwi).toMatchObject({ startsOn: "2026-12-03", endsOn: "2026-12-05" });
    // In Honolulu (UTC−10) now is the 3rd's first hour, and the status ends in the 5th's first hour.
    expect(
      awayHintOf({ emoji: ":palm_tree:", text: "", expiration: at("2026-12-05T11:00:00Z") }, NOW, "Pacific/Honolulu"),
    ).toMatchObject({ startsOn: "2026-12-03", endsOn: "2026-12-05" });
  });

  it("ignores a status that has expired, and keeps a far one within the longest absence", () => {
    expect(
      awayHintOf({ emoji: ":palm_tree:", text: "", expiration: at("2026-12-03T09:00:00Z") }, NOW, "UTC"),
    ).toBeNull();
    expect(
      awayHintOf({ emoji: ":palm_tree:", text: "", expiration: at("2030-01-01T00:00:00Z") }, NOW, "UTC")?.endsOn,
    ).toBe("2027-12-03");
  });

  it("shows a status with markers as the person wrote it (the view escapes it)", () => {
    const text = "Vacation <!channel> ‮ \u0000 ".concat("x".repeat(10_000));
    const hint = awayHintOf({ emoji: ":palm_tree:", text, expiration: 0 }, NOW, "UTC");
    expect(hint?.shown.length).toBeLessThanOrEqual(212);
    expect(hint?.shown.startsWith(":palm_tree: Vacation <!channel>")).toBe(true);
  });
});
