import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/i18n/i18n.js";

const i18n = await createI18n("en");

// Counted nouns take the form their number needs, in each language's own rules.
describe("counts agree with their nouns", () => {
  const forms = (locale: "pt" | "hi" | "lv", key: string, counts: number[]) =>
    counts.map((count) => i18n.translator(locale)(key, { count }));

  it("in Portuguese (1 reclamação, 2 reclamações; 1 escalonamento, 2 escalonamentos)", () => {
    expect(forms("pt", "card.recentComplaints", [1, 2])).toEqual([
      "1 reclamação nos últimos 90 dias",
      "2 reclamações nos últimos 90 dias",
    ]);
    expect(forms("pt", "card.openEscalations", [1, 3])).toEqual([
      "1 escalonamento em aberto",
      "3 escalonamentos em aberto",
    ]);
  });

  it("in Hindi (1 शिकायत, 2 शिकायतें; 1 खुला, 2 खुले)", () => {
    expect(forms("hi", "card.recentComplaints", [1, 2])).toEqual([
      "पिछले 90 दिनों में 1 शिकायत",
      "पिछले 90 दिनों में 2 शिकायतें",
    ]);
    expect(forms("hi", "card.openEscalations", [1, 2])).toEqual(["1 खुला एस्केलेशन", "2 खुले एस्केलेशन"]);
  });

  it("in Latvian (1 and 21 take the singular, 11 and 0 the genitive plural)", () => {
    expect(forms("lv", "card.openEscalations", [1, 2, 11, 21, 0])).toEqual([
      "1 atvērta eskalācija",
      "2 atvērtas eskalācijas",
      "11 atvērtu eskalāciju",
      "21 atvērta eskalācija",
      "0 atvērtu eskalāciju",
    ]);
  });
});
