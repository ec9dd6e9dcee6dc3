import { describe, expect, it } from "vitest";
import { createI18n, formatAmount } from "../../src/i18n/i18n.js";
import type { SUPPORTED_LOCALES } from "../../src/i18n/locales.js";

const i18n = await createI18n("en");
// Intl separates some amounts with a no-break space (U+00A0 or U+202F); compare them as spaces.
const shown = (locale: (typeof SUPPORTED_LOCALES)[number], value: string, currency: string | null) =>
  formatAmount(i18n.translator(locale), value, currency).replace(/[\u00a0\u202f]/g, " ");

describe("an amount as each language writes it, in the workspace's currency", () => {
  it.each([
    ["en", "EUR", "€1,234.50"],
    ["pt", "BRL", "R$ 1.234,50"],
    ["pt-PT", "EUR", "1234,50 €"],
    ["fi", "EUR", "1 234,50 €"],
    ["lv", "EUR", "1234,50 €"],
    ["hi", "INR", "₹1,234.50"],
  ] as const)("%s in %s: %s", (locale, currency, expected) => {
    expect(shown(locale, "1234.5", currency)).toBe(expected);
  });

  it("without a currency, a plain number with two decimals; what is not a number, as it came", () => {
    expect(shown("en", "49.9", null)).toBe("49.90");
    expect(shown("fi", "49.9", null)).toBe("49,90");
    expect(shown("en", "a lot", "EUR")).toBe("a lot");
  });

  it("a large amount keeps its grouping (Indian lakh in Hindi)", () => {
    expect(shown("hi", "123456.78", "INR")).toBe("₹1,23,456.78");
  });
});
