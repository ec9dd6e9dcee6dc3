import type { DomainError } from "../domain/errors.js";
import { localeOf, type Translate } from "../i18n/i18n.js";

// A domain error carries plain values; the ones that are enum values (an escalation's status) are
// shown in the reader's words, never as the stored English word.
const ENUM_PARAMS: Partial<Record<DomainError["code"], Record<string, string>>> = {
  alreadyDecided: { status: "escalation.status" },
};

/** A domain error as the person reads it, in their language. */
export function errorText(t: Translate, error: DomainError): string {
  const params: Record<string, string | number> = { ...(error.params ?? {}) };
  for (const [param, catalog] of Object.entries(ENUM_PARAMS[error.code] ?? {})) {
    const value = params[param];
    if (typeof value === "string") params[param] = t(`${catalog}.${value}`).toLocaleLowerCase(localeOf(t));
  }
  return t(`errors.${error.code}`, params);
}
