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

/** The Slack user an email belongs to, or null (no such user, or Slack not answering). */
export function slackUserByEmail(client: WebClient) {
  return async (email: string): Promise<string | null> => {
    const answer = await client.users.lookupByEmail({ email }).catch(() => null);
    return answer?.user?.id ?? null;
  };
}
