// Portuguese is Brazilian, as Slack's is (pt-BR); European Portuguese is its own catalog, for a
// Slack set to pt-PT (or a person who asks for it).
export const SUPPORTED_LOCALES = ["en", "pt", "pt-PT", "fi", "lv", "hi", "ta"] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** Maps a Slack locale such as "pt-BR" or "en-US" to a catalog we have, if any. */
export function matchLocale(slackLocale: string | null | undefined): SupportedLocale | undefined {
  if (!slackLocale) return undefined;
  const wanted = slackLocale.toLowerCase().replace("_", "-");
  const exact = SUPPORTED_LOCALES.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split("-")[0];
  return SUPPORTED_LOCALES.find((locale) => locale === language);
}
