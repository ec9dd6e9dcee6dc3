import type { MemberService } from "../domain/members/member.service.js";
import type { I18n, Translate } from "../i18n/i18n.js";
import type { SupportedLocale } from "../i18n/locales.js";
import { localeOf } from "./people.js";

/**
 * The language a DM to one person is written in (see `localeOf`). With `ttlMs`, each person's language
 * is read at most once in that time (for thousands of messages to a few people).
 */
export function recipientTranslator(
  deps: { i18n: I18n; members: MemberService; defaultLocale: SupportedLocale },
  ttlMs = 0,
): (workspaceId: string, slackUserId: string) => Promise<Translate> {
  const cache = new Map<string, { locale: SupportedLocale; until: number }>();
  return async (workspaceId, slackUserId) => {
    const key = `${workspaceId}:${slackUserId}`;
    let cached = cache.get(key);
    if (!cached || cached.until <= Date.now()) {
      const member = await deps.members.findKnown(workspaceId, slackUserId);
      const locale = localeOf(member, deps.defaultLocale);
      cached = { locale, until: Date.now() + ttlMs };
      if (ttlMs > 0) cache.set(key, cached);
    }
    return deps.i18n.translator(cached.locale);
  };
}
