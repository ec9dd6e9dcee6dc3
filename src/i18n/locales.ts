export const SUPPORTED_LOCALES = ["en", "pt", "fi", "lv", "hi", "ta"] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** Maps a Slack locale such as "pt-BR" or "en-US" to a catalog we have, if any. */
export function matchLocale(slackLocale: string | null | undefined): SupportedLocale | undefined {
  if (!slackLocale) return undefined;
  const language = slackLocale.toLowerCase().split(/[-_]/)[0];
  return SUPPORTED_LOCALES.find((locale) => locale === language);
}
