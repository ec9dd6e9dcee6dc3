import type { Member } from "../domain/members/member.types.js";

type FindKnown = (workspaceId: string, slackUserId: string) => Promise<Member | null>;

/**
 * `findKnown` remembering who it found for a minute: a phone system logs call after call for the
 * same few agents, and each look-up is a statement on the request's path. Nobody unknown is remembered.
 */
export function recentlyKnown(findKnown: FindKnown, ttlMs = 60_000, max = 10_000): FindKnown {
  const seen = new Map<string, { member: Member; until: number }>();
  return async (workspaceId, slackUserId) => {
    const key = `${workspaceId}:${slackUserId}`;
    const hit = seen.get(key);
    if (hit && hit.until > Date.now()) return hit.member;
    const member = await findKnown(workspaceId, slackUserId);
    if (member) {
      if (seen.size >= max) seen.clear();
      seen.set(key, { member, until: Date.now() + ttlMs });
    }
    return member;
  };
}
