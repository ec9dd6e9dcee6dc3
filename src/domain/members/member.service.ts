import type { MemberRepository } from "./member.repository.js";
import type { Member, ProfileSource } from "./member.types.js";

// A profile (name, locale, time zone) is fetched again after a day.
export const PROFILE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface MemberServiceOptions {
  defaultLocale: string;
  defaultTimeZone: string;
  /** Slack user IDs named in the configuration as admins. */
  adminSlackUserIds?: string[];
  now?: () => Date;
}

export function createMemberService(repository: MemberRepository, options: MemberServiceOptions) {
  const now = options.now ?? (() => new Date());
  const workspaceIds = new Map<string, string>();

  async function workspaceIdFor(slackTeamId: string): Promise<string> {
    const cached = workspaceIds.get(slackTeamId);
    if (cached) return cached;
    const { id } = await repository.ensureWorkspace(slackTeamId, {
      locale: options.defaultLocale,
      timeZone: options.defaultTimeZone,
    });
    workspaceIds.set(slackTeamId, id);
    return id;
  }

  return {
    workspaceIdOf: workspaceIdFor,
    /** A member already registered, without asking Slack. */
    findKnown: (workspaceId: string, slackUserId: string) => repository.find(workspaceId, slackUserId),
    /** The language a person chose over their Slack one (null: follow Slack again). */
    setLanguage: (member: Member, locale: string | null) =>
      repository.setLocaleOverride(member.workspaceId, member.id, locale),
    /** The language of messages posted to the workspace's shared channels. */
    workspaceLocale: (workspaceId: string) => repository.workspaceLocale(workspaceId),
    /** They keep the language they get: the Home tab stops offering a choice. */
    dismissLanguageOffer: (member: Member) => repository.dismissLanguageOffer(member.workspaceId, member.id, now()),
    /** An admin sets it: shared channels, and people whose Slack language Rapport does not speak. */
    setWorkspaceLanguage: (admin: Member, locale: string) =>
      repository.setWorkspaceLocale(admin.workspaceId, locale, admin.id),

    /** The member behind a Slack user, registered as an agent on first use and refreshed when stale. */
    async identify(slackTeamId: string, slackUserId: string, profiles: ProfileSource): Promise<Member> {
      const workspaceId = await workspaceIdFor(slackTeamId);
      const existing = await repository.find(workspaceId, slackUserId);
      const fetchedAt = existing?.profileFetchedAt?.getTime() ?? 0;
      if (existing && now().getTime() - fetchedAt < PROFILE_MAX_AGE_MS) return existing;
      const profile = await profiles.fetchProfile(slackUserId).catch(() => null);
      if (!existing) {
        const blank = { displayName: null, locale: null, timeZone: null };
        // Without a profile, fetchedAt stays empty so the next request asks Slack again.
        return repository.create(workspaceId, slackUserId, "agent", profile ?? blank, profile ? now() : null);
      }
      // Slack unreachable: keep the profile we have and try again next time.
      if (!profile) return existing;
      return repository.saveProfile(workspaceId, existing.id, profile, now());
    },

    /**
     * Whether this member may administer Rapport: an admin, someone named in the
     * configuration, or the first person to try in a workspace that has no admin yet.
     */
    async ensureAdmin(member: Member): Promise<boolean> {
      if (member.role === "admin") return true;
      const named = options.adminSlackUserIds?.includes(member.slackUserId) ?? false;
      if (!named) return repository.becomeFirstAdmin(member.workspaceId, member.id);
      await repository.setRole(member.workspaceId, member.id, "admin", member.id);
      return true;
    },
  };
}

export type MemberService = ReturnType<typeof createMemberService>;
