import i18next from "i18next";
import en from "./locales/en.json" with { type: "json" };
import fi from "./locales/fi.json" with { type: "json" };
import hi from "./locales/hi.json" with { type: "json" };
import lv from "./locales/lv.json" with { type: "json" };
import pt from "./locales/pt.json" with { type: "json" };
import ptPT from "./locales/pt-PT.json" with { type: "json" };
import ta from "./locales/ta.json" with { type: "json" };
import { SUPPORTED_LOCALES, type SupportedLocale } from "./locales.js";
import { escapeCut, isVerbatim, type Verbatim } from "./verbatim.js";

export type TranslateValue = string | number | Verbatim | null | undefined;

/**
 * A translation in one language. Interpolated strings are escaped for mrkdwn (`&`, `<`, `>`), so text
 * a person typed can never ping, mention or link; a value the app made itself (a mention, a date
 * token, text already escaped) or one bound for a plain_text field is passed as `verbatim(…)`.
 */
export interface Translate {
  (key: string, values?: Record<string, TranslateValue>): string;
  /** The language it speaks, for Intl formatting beside it. */
  readonly lng: SupportedLocale;
}

export const CATALOGS: Record<SupportedLocale, Record<string, unknown>> = {
  en,
  pt,
  "pt-PT": ptPT,
  fi,
  lv,
  hi,
  ta,
};

// A sentence quotes at most this much of what was typed ("There is no team called “…”"), counted
// after escaping and cut on a character boundary, so no sentence outgrows Slack's limits.
const VALUE_MAX = 400;

function escapeValues(values: Record<string, TranslateValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    out[name] = typeof value === "string" ? escapeCut(value, VALUE_MAX) : isVerbatim(value) ? value.text : value;
  }
  return out;
}

/** One i18next instance for the whole app; every text a person sees comes through it. */
export async function createI18n(defaultLocale: SupportedLocale) {
  const instance = i18next.createInstance();
  await instance.init({
    lng: defaultLocale,
    fallbackLng: "en",
    supportedLngs: [...SUPPORTED_LOCALES],
    resources: Object.fromEntries(Object.entries(CATALOGS).map(([lng, catalog]) => [lng, { translation: catalog }])),
    // Values are escaped above (escapeValues), by Slack's rules rather than HTML's.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  const translators = new Map<SupportedLocale, Translate>();
  return {
    translator(locale: SupportedLocale): Translate {
      let t = translators.get(locale);
      if (!t) {
        const fixed = instance.getFixedT(locale);
        const translate = (key: string, values?: Record<string, TranslateValue>): string =>
          values ? String(fixed(key, escapeValues(values))) : String(fixed(key));
        t = Object.assign(translate, { lng: locale });
        translators.set(locale, t);
      }
      return t;
    },
  };
}

export type I18n = Awaited<ReturnType<typeof createI18n>>;

/** The language a translator speaks, for Intl formatting beside it. */
export function localeOf(t: Translate): string {
  return t.lng;
}

/** A calendar day (YYYY-MM-DD) as the reader's language writes it (24 Dec 2026 · 24.12.2026). */
export function formatDay(t: Translate, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(localeOf(t), { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** An amount as the reader's language writes it, in the workspace's currency when it has one (R$ 49,90 · 49,90 €). */
export function formatAmount(t: Translate, value: number | string, currency: string | null): string {
  const number = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(number)) return String(value);
  return currency
    ? new Intl.NumberFormat(localeOf(t), { style: "currency", currency }).format(number)
    : new Intl.NumberFormat(localeOf(t), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(number);
}

/** A number as the reader's language writes it (1 234,5 · 1,234.5 · 1.234,5). */
export function formatNumber(t: Translate, value: number | string): string {
  const number = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(number)) return String(value);
  return new Intl.NumberFormat(localeOf(t), { maximumFractionDigits: 2 }).format(number);
}
