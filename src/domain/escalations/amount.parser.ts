// An amount as a person writes it in their language: "49,90" in Portuguese or Latvian, "1 234,50" in
// Finnish, "1,234.50" in English, "1,23,456.50" in Hindi. Undefined when it is no amount.

const SPACES = /[\s\u00a0\u202f'’]/g;

export function parseAmount(typed: string, locale: string): number | undefined {
  const text = typed.trim().replace(SPACES, "");
  if (!/^\d[\d.,]*$/.test(text)) return undefined;
  const decimalOfLocale =
    new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? ".";
  const commas = text.split(",").length - 1;
  const dots = text.split(".").length - 1;
  let decimal: "," | "." | null = null;
  if (commas > 0 && dots > 0) decimal = text.lastIndexOf(",") > text.lastIndexOf(".") ? "," : ".";
  else if (commas + dots > 0) {
    const mark = commas > 0 ? "," : ".";
    const groups = text.split(mark).slice(1);
    // "1,234" and "1.234.567" group thousands; "49,90" or "12.5" have decimals.
    const grouping = groups.every((g) => g.length === 3) && (mark !== decimalOfLocale || groups.length > 1);
    const lakh = mark === "," && /^\d{1,2}(,\d{2})*,\d{3}$/.test(text);
    if (!grouping && !lakh) {
      if (groups.length > 1) return undefined;
      decimal = mark;
    }
  }
  // Without a decimal mark every mark groups digits; with one, the other mark does.
  const grouping = decimal === null ? /[.,]/g : decimal === "," ? /\./g : /,/g;
  const normalized = text.replace(grouping, "").replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(normalized)) return undefined;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}
