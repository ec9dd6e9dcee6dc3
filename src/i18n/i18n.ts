import i18next, { type TFunction } from "i18next";
import en from "./locales/en.json" with { type: "json" };
import fi from "./locales/fi.json" with { type: "json" };
import hi from "./locales/hi.json" with { type: "json" };
import lv from "./locales/lv.json" with { type: "json" };
import pt from "./locales/pt.json" with { type: "json" };
import ta from "./locales/ta.json" with { type: "json" };
import { SUPPORTED_LOCALES, type SupportedLocale } from "./locales.js";

export type Translate = TFunction;

export const CATALOGS: Record<SupportedLocale, Record<string, unknown>> = { en, pt, fi, lv, hi, ta };

/** One i18next instance for the whole app; every text a person sees comes through it. */
export async function createI18n(defaultLocale: SupportedLocale) {
  const instance = i18next.createInstance();
  await instance.init({
    lng: defaultLocale,
    fallbackLng: "en",
    supportedLngs: [...SUPPORTED_LOCALES],
    resources: Object.fromEntries(Object.entries(CATALOGS).map(([lng, catalog]) => [lng, { translation: catalog }])),
    // Slack text is escaped by the view builders (escapeMrkdwn), not by i18next.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return {
    translator(locale: SupportedLocale): Translate {
      return instance.getFixedT(locale);
    },
  };
}

export type I18n = Awaited<ReturnType<typeof createI18n>>;

/** The language a translator speaks, for Intl formatting beside it. */
export function localeOf(t: Translate): string {
  return (t as unknown as { lng?: string }).lng ?? "en";
}

/** A number as the reader's language writes it (1 234,5 · 1,234.5 · 1.234,5). */
export function formatNumber(t: Translate, value: number | string): string {
  const number = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(number)) return String(value);
  return new Intl.NumberFormat(localeOf(t), { maximumFractionDigits: 2 }).format(number);
}
