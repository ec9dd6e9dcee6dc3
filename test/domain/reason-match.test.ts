import { describe, expect, it } from "vitest";
import { DEFAULT_REASONS, type ReasonCategory } from "../../src/domain/reasons/reason.types.js";
import { categoryFromTags, suggestCategory, trailingTags } from "../../src/domain/reasons/reason-match.js";

const defaults: ReasonCategory[] = DEFAULT_REASONS.map((key) => ({ id: key, key, name: null, retired: false }));
const suggested = (summary: string, categories = defaults) => suggestCategory(summary, categories)?.id ?? null;

describe("suggesting a complaint's category from its words", () => {
  it.each([
    ["en", "Charged twice, the invoice shows the wrong price", "billing"],
    ["en", "The parcel never arrived, courier says delivered", "delivery"],
    ["pt", "Fui cobrado duas vezes na fatura", "billing"],
    ["pt", "A entrega atrasou uma semana", "delivery"],
    ["pt", "Esperei duas horas na fila", "waiting_time"],
    ["fi", "Lasku oli väärä ja veloitus tehtiin kahdesti", "billing"],
    ["fi", "Myyjä oli töykeä", "staff_conduct"],
    ["lv", "Piegāde kavējās divas nedēļas", "delivery"],
    ["lv", "Produkts bija bojāts", "product_quality"],
    ["hi", "पार्सल देरी से आया", "delivery"],
    ["hi", "कर्मचारी का व्यवहार असभ्य था", "staff_conduct"],
    ["ta", "பார்சல் இன்னும் வரவில்லை, கூரியர் பதில் இல்லை", "delivery"],
    ["ta", "பொருள் உடைந்த நிலையில் வந்தது", "product_quality"],
  ])("%s: %s → %s", (_language, summary, expected) => {
    expect(suggested(summary)).toBe(expected);
  });

  it("suggests nothing when no word points anywhere, or two point equally; never a retired one or Other", () => {
    expect(suggested("The customer called about something")).toBeNull();
    expect(suggested("late parcel and a wrong invoice")).toBeNull();
    expect(suggested("")).toBeNull();
    expect(suggested("\u200b\u0000 <!channel> 🎉")).toBeNull();
    const retired = defaults.map((c) => (c.key === "billing" ? { ...c, retired: true } : c));
    expect(suggested("the invoice is wrong", retired)).toBeNull();
    // Short words match only themselves: "pay" is not "paypal", "bill" is not "billion".
    expect(suggested("a billion thanks")).toBeNull();
  });

  it("learns an admin's own category from its name, and a renamed default keeps its words", () => {
    const withWarranty = [...defaults, { id: "w", key: null, name: "Warranty claims", retired: false }];
    expect(suggested("they refused the warranty repair", withWarranty)).toBe("w");
    const renamed = defaults.map((c) => (c.key === "billing" ? { ...c, name: "Invoices" } : c));
    expect(suggested("charged twice", renamed)).toBe("billing");
  });

  it("reads a long summary in bounded time", () => {
    const long = "invoice ".repeat(1_250);
    expect(suggested(long)).toBe("billing");
  });
});

describe("a category tag at the end of a one-line summary", () => {
  const names = (c: ReasonCategory) =>
    c.key === "product_quality" ? ["Product quality", "Tuotteen laatu"] : [c.key ?? ""];
  it("finds the last tags, and a channel Slack escaped", () => {
    expect(trailingTags("broken #product-quality").map((t) => t.tag)).toEqual(["product-quality"]);
    expect(trailingTags("late <#C0AB12|delivery>").map((t) => t.tag)).toEqual(["delivery"]);
    expect(trailingTags("order #4471")).toEqual([]);
    expect(trailingTags("#a #b #c #d #e").map((t) => t.tag)).toEqual(["e", "d", "c"]);
  });
  it("matches names with their words run together, any case and accent", () => {
    expect(categoryFromTags("rikki #TuotteenLaatu", defaults, names)).toMatchObject({
      category: { key: "product_quality" },
      summary: "rikki",
    });
    expect(categoryFromTags("late #billing #urgent", defaults, names)).toMatchObject({
      category: { key: "billing" },
      summary: "late",
    });
    expect(categoryFromTags("late #urgent", defaults, names)).toBeUndefined();
  });
});
