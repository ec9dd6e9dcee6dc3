import type { WebClient } from "@slack/web-api";
import type { PersonRef } from "../domain/escalations/escalation.types.js";
import type { FollowUpNotifier } from "../domain/follow-ups/follow-up.notifier.js";
import type { FollowUpDetails } from "../domain/follow-ups/follow-up.types.js";
import type { MemberService } from "../domain/members/member.service.js";
import type { I18n, Translate } from "../i18n/i18n.js";
import { matchLocale, type SupportedLocale } from "../i18n/locales.js";
import { mention, slackDate } from "./format.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { buildFollowUpDm } from "./views/follow-up-dm.view.js";

/** Follow-up DMs, each in its recipient's language. */
export function createFollowUpNotifier(deps: {
  client: WebClient;
  i18n: I18n;
  members: MemberService;
  defaultLocale: SupportedLocale;
}): FollowUpNotifier {
  const { client } = deps;
  async function tFor(workspaceId: string, person: PersonRef): Promise<Translate> {
    const member = await deps.members.findKnown(workspaceId, person.slackUserId);
    return deps.i18n.translator(
      matchLocale(member?.localeOverride) ?? matchLocale(member?.locale) ?? deps.defaultLocale,
    );
  }
  const section = (text: string) => ({
    text,
    blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text } }],
  });
  return {
    async deliver(f: FollowUpDetails) {
      const t = await tFor(f.workspaceId, f.assignee);
      const result = await client.chat.postMessage({ channel: f.assignee.slackUserId, ...buildFollowUpDm(t, f) });
      if (!result.ts || !result.channel) throw new Error("Slack did not say where the DM went");
      return { channelId: result.channel, ts: result.ts };
    },
    async remind(f) {
      const t = await tFor(f.workspaceId, f.assignee);
      const text = t("followUpDm.overdue", {
        customer: escapeMrkdwn(f.customer.name),
        date: slackDate(f.dueAt, "date"),
      });
      await client.chat.postMessage({
        channel: f.assignee.slackUserId,
        ...(f.dmTs ? { thread_ts: f.dmTs } : {}),
        ...section(text),
      });
    },
    async tellManagers(f, managers, daysOverdue) {
      for (const manager of managers) {
        const t = await tFor(f.workspaceId, manager);
        const text = t("followUpDm.managerReport", {
          person: mention(f.assignee.slackUserId),
          customer: escapeMrkdwn(f.customer.name),
          count: daysOverdue,
        });
        await client.chat.postMessage({ channel: manager.slackUserId, ...section(text) });
      }
    },
    async settle(f, how) {
      if (!f.dmChannelId || !f.dmTs) return;
      const t = await tFor(f.workspaceId, f.assignee);
      await client.chat.update({ channel: f.dmChannelId, ts: f.dmTs, ...buildFollowUpDm(t, f, how) });
    },
  };
}
