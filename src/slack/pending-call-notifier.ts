import type { WebClient } from "@slack/web-api";
import type { Interaction } from "../domain/interactions/interaction.types.js";
import type { MemberService } from "../domain/members/member.service.js";
import type { Member } from "../domain/members/member.types.js";
import type { I18n } from "../i18n/i18n.js";
import type { SupportedLocale } from "../i18n/locales.js";
import { recipientTranslator } from "./recipient-translator.js";
import { buildPendingCallDm } from "./views/pending-call.view.js";

/** DMs an agent that a call was logged for them to complete, in their language. */
export function createPendingCallNotifier(deps: {
  client: WebClient;
  i18n: I18n;
  members: MemberService;
  defaultLocale: SupportedLocale;
}) {
  const translatorOf = recipientTranslator(deps);
  return async (
    workspaceId: string,
    author: Member,
    interaction: Interaction,
    call: { source: string; durationSeconds: number | null },
  ) => {
    const t = await translatorOf(workspaceId, author.slackUserId);
    await deps.client.chat.postMessage({ channel: author.slackUserId, ...buildPendingCallDm(t, interaction, call) });
  };
}

/**
 * The Slack user an email belongs to, or null (no such user, or Slack not answering). One found is
 * remembered for ten minutes: users.lookupByEmail is a Tier 3 method (about 50 calls a minute), and a
 * phone system names the same few agents call after call.
 */
export function slackUserByEmail(client: WebClient, ttlMs = 10 * 60_000, max = 10_000) {
  const found = new Map<string, { id: string; until: number }>();
  return async (email: string): Promise<string | null> => {
    const key = email.toLowerCase();
    const hit = found.get(key);
    if (hit && hit.until > Date.now()) return hit.id;
    const answer = await client.users.lookupByEmail({ email }).catch(() => null);
    const id = answer?.user?.id ?? null;
    if (id) {
      if (found.size >= max) found.clear();
      found.set(key, { id, until: Date.now() + ttlMs });
    }
    return id;
  };
}
