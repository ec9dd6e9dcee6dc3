import type { WebClient } from "@slack/web-api";
import type { MemberService } from "../domain/members/member.service.js";
import type { Member, Profile, ProfileSource } from "../domain/members/member.types.js";
import type { I18n, Translate } from "../i18n/i18n.js";
import { matchLocale, type SupportedLocale } from "../i18n/locales.js";

/** Slack's users.info as the domain's ProfileSource. */
export function slackProfiles(client: WebClient): ProfileSource {
  return {
    async fetchProfile(userId): Promise<Profile> {
      const { user } = await client.users.info({ user: userId, include_locale: true });
      return {
        displayName: user?.profile?.display_name || user?.real_name || user?.name || null,
        locale: user?.locale ?? null,
        timeZone: user?.tz ?? null,
      };
    },
  };
}

/**
 * The language a person reads: the one they chose, their Slack locale, the workspace's language,
 * then the configured default.
 */
export function localeOf(
  member: Pick<Member, "localeOverride" | "locale" | "workspaceLocale"> | null | undefined,
  defaultLocale: SupportedLocale,
): SupportedLocale {
  return (
    matchLocale(member?.localeOverride) ??
    matchLocale(member?.locale) ??
    matchLocale(member?.workspaceLocale) ??
    defaultLocale
  );
}

export interface Person {
  member: Member;
  locale: SupportedLocale;
  t: Translate;
}

export type IdentifyPerson = (teamId: string, userId: string, client: WebClient) => Promise<Person>;

/**
 * Who is asking, and in which language to answer them: the one they chose, their Slack locale, the
 * workspace's language, then the configured default.
 */
export function createPersonResolver(
  members: MemberService,
  i18n: I18n,
  defaultLocale: SupportedLocale,
): IdentifyPerson {
  return async (teamId, userId, client) => {
    const member = await members.identify(teamId, userId, slackProfiles(client));
    const locale = localeOf(member, defaultLocale);
    return { member, locale, t: i18n.translator(locale) };
  };
}
