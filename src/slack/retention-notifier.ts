import type { WebClient } from "@slack/web-api";
import type { MemberService } from "../domain/members/member.service.js";
import type { RetentionNotifier } from "../domain/retention/retention.notifier.js";
import type { I18n } from "../i18n/i18n.js";
import type { SupportedLocale } from "../i18n/locales.js";
import { postOnce } from "./post-once.js";
import { recipientTranslator } from "./recipient-translator.js";
import { withCoveringLine } from "./views/covering.view.js";
import { buildRetentionNudge } from "./views/retention-nudge.view.js";

/** Retention nudges by DM, in the recipient's language, each posted once (see post-once.ts). */
export function createRetentionNotifier(deps: {
  delivery: WebClient;
  i18n: I18n;
  members: MemberService;
  defaultLocale: SupportedLocale;
}): RetentionNotifier {
  const translatorOf = recipientTranslator(deps);
  return {
    async nudge(row, recipient, attempt, coverFor) {
      const t = await translatorOf(row.workspaceId, recipient.slackUserId);
      const nudge = buildRetentionNudge(t, row);
      await postOnce(
        deps.delivery,
        {
          to: recipient.slackUserId,
          eventType: "rapport_retention",
          id: `${row.id}:${row.since.getTime()}:${recipient.id}`,
          unsureSince: attempt.unsureSince,
        },
        coverFor ? withCoveringLine(t, nudge, coverFor.owner.slackUserId, coverFor.awayUntil) : nudge,
      );
    },
  };
}
