import { describe, expect, it } from "vitest";
import { parseAmount } from "../../src/domain/escalations/amount.parser.js";

describe("parseAmount, as each language writes an amount", () => {
  it.each([
    ["49,90", "pt", 49.9],
    ["1.234,50", "pt", 1234.5],
    ["1 234,50", "fi", 1234.5],
    ["1\u00a0234,50", "lv", 1234.5],
    ["49.90", "en", 49.9],
    ["1,234.50", "en", 1234.5],
    ["1,234", "en", 1234],
    ["1,23,456.50", "hi", 123456.5],
    ["49,90", "en", 49.9],
    ["1.234", "pt", 1234],
    ["120", "ta", 120],
    ["0", "en", 0],
  ])("reads %j in %s as %d", (typed, locale, expected) => {
    expect(parseAmount(typed, locale)).toBe(expected);
  });

  it.each([["-5"], ["abc"], ["1,2,3"], ["12.3.4,5.6"], [""], ["1e5"], ["4 9 ,"]])("refuses %j", (typed) => {
    expect(parseAmount(typed, "en")).toBeUndefined();
  });
});
