import { visibleText } from "../text.js";

/**
 * A name as it is compared: lower case, accents removed, spacing and punctuation collapsed.
 * A name with no letter or digit ("🍕🍕", "!!!") is compared by its visible symbols instead, so two
 * such names never fall together into one empty name; invisible characters count for nothing.
 */
export function normalizeName(name: string): string {
  const visible = visibleText(name);
  const words = visible
    .normalize("NFKD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.+]+/gu, " ")
    .trim();
  return words || visible.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ");
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Digits only, keeping a leading +: "+351 912-345 678" → "+351912345678". */
export function normalizePhone(phone: string): string {
  const trimmed = phone.trim();
  return (trimmed.startsWith("+") ? "+" : "") + trimmed.replace(/\D/g, "");
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const PHONE = /^\+?[\d\s().-]{7,20}$/;
const EXTERNAL_ID = /^#([\w-]{1,64})$/;

export type CustomerKey =
  | { kind: "externalId"; value: string }
  | { kind: "email"; value: string }
  | { kind: "phone"; value: string }
  | { kind: "name"; value: string };

/** How a typed customer reference is looked up: "#C-1042", an email, a phone number, or a name. */
export function customerKeyOf(reference: string): CustomerKey {
  const text = reference.trim();
  const external = EXTERNAL_ID.exec(text);
  if (external?.[1]) return { kind: "externalId", value: external[1] };
  if (EMAIL.test(text)) return { kind: "email", value: normalizeEmail(text) };
  if (PHONE.test(text) && normalizePhone(text).replace("+", "").length >= 7)
    return { kind: "phone", value: normalizePhone(text) };
  return { kind: "name", value: normalizeName(text) };
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** What a new customer is created from, normalised: two creations of the same customer meet on it. */
export function createKeyOf(customer: {
  name: string;
  email?: string | null;
  phone?: string | null;
  externalId?: string | null;
}): string {
  return JSON.stringify([
    normalizeName(customer.name),
    customer.email ? normalizeEmail(customer.email) : null,
    customer.phone ? normalizePhone(customer.phone) : null,
    customer.externalId ?? null,
  ]);
}
