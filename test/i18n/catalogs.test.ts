import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "../../src/i18n/i18n.js";
import { SUPPORTED_LOCALES } from "../../src/i18n/locales.js";

type Catalog = Record<string, unknown>;

function flatten(catalog: Catalog, prefix = ""): Record<string, string> {
  return Object.fromEntries(
    Object.entries(catalog).flatMap(([key, value]) =>
      typeof value === "string"
        ? [[`${prefix}${key}`, value]]
        : Object.entries(flatten(value as Catalog, `${prefix}${key}.`)),
    ),
  );
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, "");
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const flat = Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, flatten(CATALOGS[l])]));
const english = flat.en ?? {};
const baseKeys = [...new Set(Object.keys(english).map(base))].sort();
const pluralKeys = new Set(
  Object.keys(english)
    .filter((k) => PLURAL.test(k))
    .map(base),
);

/** Every plural base key, with the forms this language needs (from Intl.PluralRules). */
function expectedKeys(locale: string): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  return baseKeys.flatMap((key) => (pluralKeys.has(key) ? categories.map((c) => `${key}_${c}`) : [key])).sort();
}

describe("message catalogs", () => {
  it.each(SUPPORTED_LOCALES)(
    "%s has exactly the keys English has, with the plural forms the language needs",
    (locale) => {
      expect(Object.keys(flat[locale] ?? {}).sort()).toEqual(expectedKeys(locale));
    },
  );

  it.each(SUPPORTED_LOCALES.filter((l) => l !== "en"))(
    "%s uses the same placeholders as English in every text",
    (locale) => {
      const catalog = flat[locale] ?? {};
      const differences = Object.entries(catalog)
        .filter(([key, text]) => {
          const source = english[key] ?? english[`${base(key)}_other`] ?? "";
          return placeholders(text).join() !== placeholders(source).join();
        })
        .map(([key]) => key);
      expect(differences).toEqual([]);
    },
  );

  // Texts that may read the same in another language: placeholders only, and words the languages share.
  const MAY_MATCH_ENGLISH = new Set([
    // Only placeholders and punctuation.
    "digest.span",
    "digest.teamLine",
    "away.listLine",
    "report.hours",
    "import.seconds",
    "card.when",
    "log.useCustomer",
    "escalation.requestWithAmount",
    "customer.none",
    "customer.externalId",
    "customer.showing",
    "customer.email",
    "kind.feedback",
    "channel.email",
    "channel.chat",
    "severity.normal",
    // The loanword Portuguese uses too.
    "webhook.listTitle",
  ]);

  it.each(SUPPORTED_LOCALES.filter((l) => l !== "en"))("%s is translated: no text left in English", (locale) => {
    const same = Object.entries(flat[locale] ?? {}).filter(
      ([key, text]) => english[key] === text && !MAY_MATCH_ENGLISH.has(key),
    );
    expect(same.map(([key]) => key)).toEqual([]);
  });

  it("uses every key somewhere in the code, and the code uses no key the catalog lacks", () => {
    const root = fileURLToPath(new URL("../../src", import.meta.url));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (name === "generated") continue;
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith(".ts")) files.push(full);
      }
    };
    walk(root);
    const code = files.map((f) => readFileSync(f, "utf8")).join("\n");
    // Keys written out ("form.title") and keys built from a prefix (`kind.${value}`).
    const literal = new Set(
      [...code.matchAll(/["'`]([a-z][A-Za-z]*(?:\.[a-zA-Z_]+)+)["'`]/g)].map((m) => m[1] as string),
    );
    const prefixes = [
      ...[...code.matchAll(/t\(\s*`([a-z][A-Za-z]*(?:\.[a-zA-Z_]+)*\.)\$\{/g)].map((m) => m[1] as string),
      // options(t, "sentiment", SENTIMENTS) builds `sentiment.<value>`.
      ...[...code.matchAll(/options\(t, "([a-zA-Z]+)"/g)].map((m) => `${m[1]}.`),
    ];
    // A prefix as wide as a whole group would hide unused keys: builders spell such keys out.
    expect(prefixes.filter((p) => ["card.", "escalation.", "customer.", "help.", "form."].includes(p))).toEqual([]);
    const used = (key: string) => literal.has(key) || prefixes.some((p) => key.startsWith(p));
    expect(baseKeys.filter((key) => !used(key))).toEqual([]);
    const catalogKeys = new Set(baseKeys);
    const translated = [...code.matchAll(/t\(\s*["']([a-z][A-Za-z]*(?:\.[a-zA-Z_]+)+)["']/g)].map(
      (m) => m[1] as string,
    );
    expect(translated.length).toBeGreaterThan(50);
    const missing = translated.filter((key) => !catalogKeys.has(key));
    expect(missing).toEqual([]);
  });

  // Slack reads "<note>" as a link to "note": a placeholder in a usage line is written &lt;note&gt;.
  it.each(SUPPORTED_LOCALES)("%s has no bare <…> that Slack would read as a link", (locale) => {
    const links = Object.entries(flat[locale] ?? {}).filter(([, text]) => /<(?![@#!]|https?:|\{\{)[^<>]*>/.test(text));
    expect(links.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });
});
