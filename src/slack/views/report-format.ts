// Numbers in reports, in the reader's locale: counts, shares, hours, and the change on the week before.
import { formatNumber, localeOf, type Translate } from "../../i18n/i18n.js";

export const count = (t: Translate, value: number) => formatNumber(t, value);

/** 0–100 → "92 %" (the locale's way). */
export function share(t: Translate, pct: number | null): string {
  if (pct === null) return "–";
  return new Intl.NumberFormat(localeOf(t), { style: "percent", maximumFractionDigits: 0 }).format(pct / 100);
}

export function hours(t: Translate, value: number | null): string {
  return value === null
    ? "–"
    : t("report.hours", { hours: new Intl.NumberFormat(localeOf(t), { maximumFractionDigits: 1 }).format(value) });
}

/**
 * "▲ 12 %", "▼ 5 %", "=" or "▲ from 0", from the figure the week (or month) before. The marker for
 * a rise from nothing names no noun, so it agrees with whatever it follows in every language
 * (Latvian "Saziņas: 13 jauns" did not).
 */
export function change(t: Translate, now: number, before: number): string {
  if (now === before) return "=";
  if (before === 0) return t("report.fromZero");
  const pct = (100 * (now - before)) / before;
  return `${pct > 0 ? "▲" : "▼"} ${share(t, Math.abs(pct))}`;
}

export const percentOf = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);
