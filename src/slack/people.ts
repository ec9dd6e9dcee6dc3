import type { WebClient } from "@slack/web-api";
import type { SlackStatus } from "../domain/absences/away-status.js";
import type { MemberService } from "../domain/members/member.service.js";
import type { Member, Profile, ProfileSource } from "../domain/members/member.types.js";
import type { I18n, Translate } from "../i18n/i18n.js";
import { matchLocale, type SupportedLocale } from "../i18n/locales.js";

/** Slack's users.info as the domain's ProfileSource; `onStatus` hears the Slack status it carries. */
export function slackProfiles(client: WebClient, onStatus?: (status: SlackStatus) => void): ProfileSource {
  return {
    async fetchProfile(userId): Promise<Profile> {
      const { user } = await client.users.info({ user: userId, include_locale: true });
      const profile = user?.profile;
      if (onStatus && profile)
        onStatus({
          text: profile.status_text ?? "",
          emoji: profile.status_emoji ?? "",
          expiration: Number(profile.status_expiration) || 0,
        });
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

/** Told of a person's Slack status whenever their profile is read from Slack (at most daily). */
export type StatusListener = (person: Person, status: SlackStatus, client: WebClient) => Promise<void>;

/**
 * Who is asking, and in which language to answer them: the one they chose, their Slack locale, the
 * workspace's language, then the configured default.
 */
export function createPersonResolver(
  members: MemberService,
  i18n: I18n,
  defaultLocale: SupportedLocale,
  onStatus?: StatusListener,
  log: (message: string, context: Record<string, unknown>) => void = () => {},
): IdentifyPerson {
  return async (teamId, userId, client) => {
    let status: SlackStatus | undefined;
    const member = await members.identify(
      teamId,
      userId,
      slackProfiles(client, (s) => {
        status = s;
      }),
    );
    const locale = localeOf(member, defaultLocale);
    const person = { member, locale, t: i18n.translator(locale) };
    // Read with the profile: a status that says "away" is offered as a hint, without holding up the answer.
    if (status && onStatus)
      void onStatus(person, status, client).catch((error: unknown) =>
        log("Slack status not read as a hint", { user: userId, error: String(error) }),
      );
    return person;
  };
}
