import type { WebClient } from "@slack/web-api";
import { guessLocaleFromTimeZone, matchLocale, SUPPORTED_LOCALES, type SupportedLocale } from "../i18n/locales.js";
import type { SlackDeps } from "./deps.js";
import type { Person } from "./people.js";
import { buildHomeView } from "./views/home.view.js";
import type { LanguageOffer } from "./views/language-offer.view.js";

/**
 * A person who never chose a language and whose Slack language Rapport does not speak is asked
 * which one to use, until they choose or keep the one they get.
 */
function languageOfferFor(deps: SlackDeps, person: Person): LanguageOffer | undefined {
  const { member } = person;
  if (member.localeOverride || matchLocale(member.locale) || member.languageOfferDismissedAt) return undefined;
  const names = Object.fromEntries(
    SUPPORTED_LOCALES.map((locale) => [locale, deps.translator(locale)("language.name")]),
  ) as Record<SupportedLocale, string>;
  const guess = guessLocaleFromTimeZone(member.timeZone);
  return { current: person.locale, guess: guess && guess !== person.locale ? guess : null, names };
}

/** Publishes a person's App Home as it is now: their lists, their figures, and for admins the set-up. */
export async function publishHome(deps: SlackDeps, client: WebClient, person: Person): Promise<void> {
  const [data, settings] = await Promise.all([
    deps.home.homeFor(person.member),
    person.member.role === "admin" ? deps.settings.load(person.member.workspaceId) : Promise.resolve(undefined),
  ]);
  await client.views.publish({
    user_id: person.member.slackUserId,
    view: buildHomeView(person.t, data, settings, languageOfferFor(deps, person)),
  });
}
