// Portuguese is Brazilian, as Slack's is (pt-BR); European Portuguese is its own catalog, for a
// Slack set to pt-PT (or a person who asks for it).
export const SUPPORTED_LOCALES = ["en", "pt", "pt-PT", "fi", "lv", "hi", "ta"] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

// Where a time zone says which of our languages is most likely spoken there (a guess to offer, never
// applied silently). India's zone is guessed as Hindi; Tamil is one click away.
const TIME_ZONE_LANGUAGES: Array<[RegExp, SupportedLocale]> = [
  [/^Europe\/Helsinki$|^Europe\/Mariehamn$/, "fi"],
  [/^Europe\/Riga$/, "lv"],
  [/^Europe\/Lisbon$|^Atlantic\/(Azores|Madeira)$/, "pt-PT"],
  [
    /^America\/(Sao_Paulo|Bahia|Fortaleza|Recife|Maceio|Belem|Manaus|Cuiaba|Campo_Grande|Porto_Velho|Boa_Vista|Rio_Branco|Araguaina|Santarem|Noronha|Eirunepe)$/,
    "pt",
  ],
  [/^Asia\/(Kolkata|Calcutta)$/, "hi"],
  [/^Asia\/Colombo$/, "ta"],
];

/** The language most likely spoken in a time zone, if one of ours: Europe/Helsinki → fi. */
export function guessLocaleFromTimeZone(timeZone: string | null | undefined): SupportedLocale | undefined {
  if (!timeZone) return undefined;
  return TIME_ZONE_LANGUAGES.find(([zone]) => zone.test(timeZone))?.[1];
}

/** Maps a Slack locale such as "pt-BR" or "en-US" to a catalog we have, if any. */
export function matchLocale(slackLocale: string | null | undefined): SupportedLocale | undefined {
  if (!slackLocale) return undefined;
  const wanted = slackLocale.toLowerCase().replace("_", "-");
  const exact = SUPPORTED_LOCALES.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split("-")[0];
  return SUPPORTED_LOCALES.find((locale) => locale === language);
}
