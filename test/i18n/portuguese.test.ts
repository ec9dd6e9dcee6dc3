import { describe, expect, it } from "vitest";
import { CATALOGS } from "../../src/i18n/i18n.js";
import { matchLocale } from "../../src/i18n/locales.js";

// Slack's Portuguese is Brazilian: a pt-BR person read European Portuguese ("registado", "equipa",
// "ficheiro", "gestor", "Aviso-o"). Brazilian by default; European Portuguese for pt-PT only.
const EUROPEAN = [
  /\bregistad[oa]s?\b/i,
  /\bregistar\b/i,
  /\bequipas?\b/i,
  /\bficheiros?\b/i,
  /\bgestor(es)?\b/i,
  /\bescalamentos?\b/i,
  /\butilizador/i,
  /\bcontacto\b/i,
  /\bguardad[oa]\b/i,
  /\bpor omissão\b/i,
  /\bfolha de cálculo\b/i,
  /\bAviso-o\b/,
  /\bestá a \p{L}+r\b/u,
  /\w-lhe\b/,
];

const texts = (catalog: unknown): string[] =>
  typeof catalog === "string" ? [catalog] : Object.values(catalog as Record<string, unknown>).flatMap(texts);

describe("Portuguese", () => {
  it("is Brazilian for pt and pt-BR, European for pt-PT only", () => {
    expect(matchLocale("pt-BR")).toBe("pt");
    expect(matchLocale("pt")).toBe("pt");
    expect(matchLocale("pt-PT")).toBe("pt-PT");
    expect(matchLocale("pt_PT")).toBe("pt-PT");
    expect(matchLocale("en-GB")).toBe("en");
  });

  it("the Brazilian catalog has none of the European forms", () => {
    const found = texts(CATALOGS.pt).filter((text) => EUROPEAN.some((pattern) => pattern.test(text)));
    expect(found).toEqual([]);
  });

  it("the European catalog keeps them (the check above can fail)", () => {
    const found = texts(CATALOGS["pt-PT"]).filter((text) => EUROPEAN.some((pattern) => pattern.test(text)));
    expect(found.length).toBeGreaterThan(20);
  });
});
