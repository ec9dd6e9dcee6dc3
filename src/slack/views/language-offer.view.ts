import type { KnownBlock } from "@slack/types";
import type { Translate } from "../../i18n/i18n.js";
import { SUPPORTED_LOCALES, type SupportedLocale } from "../../i18n/locales.js";
import { verbatim } from "../../i18n/verbatim.js";
import { ACTIONS } from "../ids.js";
import { shorten } from "../mrkdwn.js";
import { encode, LanguageChoiceSchema } from "../payloads.js";

export interface LanguageOffer {
  /** The language the person reads now (the workspace's, or the default). */
  current: SupportedLocale;
  /** The one their time zone suggests, shown first and highlighted. */
  guess: SupportedLocale | null;
  /** Each language's name in its own words: "suomi", "latviešu", "தமிழ்". */
  names: Record<SupportedLocale, string>;
}

/** The Home tab's question, once, for a person whose Slack language Rapport does not speak. */
export function buildLanguageOffer(t: Translate, offer: LanguageOffer): KnownBlock[] {
  const order = offer.guess ? [offer.guess, ...SUPPORTED_LOCALES.filter((l) => l !== offer.guess)] : SUPPORTED_LOCALES;
  const current = verbatim(offer.names[offer.current]);
  return [
    { type: "section", text: { type: "mrkdwn", text: t("home.languageOffer", { current }) } },
    {
      type: "actions",
      elements: [
        ...order.map((locale) => ({
          type: "button" as const,
          action_id: `${ACTIONS.chooseLanguage}_${locale}`,
          text: { type: "plain_text" as const, text: shorten(offer.names[locale], 75) },
          value: encode(LanguageChoiceSchema, { l: locale }),
          ...(locale === offer.guess ? { style: "primary" as const } : {}),
        })),
        {
          type: "button" as const,
          action_id: ACTIONS.keepLanguage,
          text: { type: "plain_text" as const, text: shorten(t("home.languageKeep", { current }), 75) },
        },
      ],
    },
    { type: "divider" },
  ];
}
