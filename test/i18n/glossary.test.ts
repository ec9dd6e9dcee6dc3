import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "../../src/i18n/i18n.js";
import { SUPPORTED_LOCALES } from "../../src/i18n/locales.js";

// Each language keeps a glossary (src/i18n/glossary/<language>.json): the words that must read the
// same everywhere, the translation chosen and why. The catalog uses the chosen word where the term is
// defined and never one of the words set aside.
interface Entry {
  key: string;
  use: string;
  avoid: string[];
  why: string;
}
const TERMS = [
  "interaction",
  "escalation",
  "follow-up",
  "customer",
  "complaint",
  "manager",
  "director",
  "approve",
  "reject",
  "claim",
  "snooze",
  "digest",
];

function texts(catalog: unknown, prefix = ""): Array<[string, string]> {
  if (typeof catalog === "string") return [[prefix, catalog]];
  return Object.entries(catalog as Record<string, unknown>).flatMap(([key, value]) =>
    texts(value, prefix ? `${prefix}.${key}` : key),
  );
}

const valueAt = (catalog: unknown, key: string) =>
  key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);

describe.each(SUPPORTED_LOCALES.filter((l) => l !== "en"))("the %s glossary", (locale) => {
  const glossary = JSON.parse(
    readFileSync(new URL(`../../src/i18n/glossary/${locale}.json`, import.meta.url), "utf8"),
  ) as Record<string, Entry>;
  const catalog = CATALOGS[locale];

  it("covers every term, each with its reason", () => {
    expect(Object.keys(glossary).sort()).toEqual([...TERMS].sort());
    for (const term of TERMS) expect(glossary[term]?.why.length ?? 0, term).toBeGreaterThan(10);
  });

  it.each(TERMS)("uses its word for %s where the term is defined, and no word set aside anywhere", (term) => {
    const entry = glossary[term] as Entry;
    const defined = String(valueAt(catalog, entry.key));
    expect(defined.toLocaleLowerCase(locale), entry.key).toContain(entry.use.toLocaleLowerCase(locale));
    // Commands in backticks are typed as they are (`/rapport digest`), in every language.
    const prose = (text: string) => text.replace(/`[^`]*`/g, " ").toLocaleLowerCase(locale);
    const strays = texts(catalog).filter(([, text]) =>
      entry.avoid.some((word) => prose(text).includes(word.toLocaleLowerCase(locale))),
    );
    expect(strays.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });
});
