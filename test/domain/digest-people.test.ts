import { describe, expect, it } from "vitest";
import { mostImproved } from "../../src/domain/reports/report.service.js";
import type { PersonFigures } from "../../src/domain/reports/report.types.js";
import { createI18n } from "../../src/i18n/i18n.js";
import { SUPPORTED_LOCALES } from "../../src/i18n/locales.js";
import { change } from "../../src/slack/views/report-format.js";

const person = (slackUserId: string, interactions: number, previousInteractions: number) =>
  ({ memberId: slackUserId, slackUserId, teamId: null, interactions, previousInteractions }) as PersonFigures;

describe("the digest's people", () => {
  it("lists as most improved only people who had a week before to improve on", () => {
    // Mia's first week: 9 interactions, none before. She is new, not improved.
    const people = [person("MIA", 9, 0), person("ABE", 8, 2), person("BEA", 5, 4), person("MAX", 1, 3)];
    expect(mostImproved(people, 5).map((p) => p.slackUserId)).toEqual(["ABE", "BEA"]);
  });
});

const i18n = await createI18n("en");

describe("the change marker", () => {
  it.each(SUPPORTED_LOCALES)("for a rise from nothing names no noun in %s (it agrees with any)", (locale) => {
    const t = i18n.translator(locale);
    const marker = change(t, 13, 0);
    expect(marker.startsWith("▲")).toBe(true);
    // No word that has a gender or number of its own: Latvian "jauns", Portuguese "novo", Hindi "नया".
    expect(marker).not.toMatch(/jauns|novo|nova|नया|नई|uusi|new\b|புதிய/);
  });
});
