import type { WebClient } from "@slack/web-api";
import type { PersonRef } from "../domain/escalations/escalation.types.js";
import type { Cover, FollowUpNotifier } from "../domain/follow-ups/follow-up.notifier.js";
import type { FollowUpDetails } from "../domain/follow-ups/follow-up.types.js";
import type { MemberService } from "../domain/members/member.service.js";
import type { Attempt } from "../domain/outbound.js";
import type { I18n, Translate } from "../i18n/i18n.js";
import type { SupportedLocale } from "../i18n/locales.js";
import { mention, slackDate } from "./format.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { postOnce } from "./post-once.js";
import { recipientTranslator } from "./recipient-translator.js";
import { coveringText, withCoveringLine } from "./views/covering.view.js";
import { buildFollowUpDm } from "./views/follow-up-dm.view.js";

const FOLLOW_UP_EVENT = "rapport_follow_up";

/**
 * Follow-up DMs, each in its recipient's language. New messages go through
 * `delivery` (no retries of its own; see post-once.ts), updates through `client`.
 */
export function createFollowUpNotifier(deps: {
  client: WebClient;
  delivery: WebClient;
  i18n: I18n;
  members: MemberService;
  defaultLocale: SupportedLocale;
}): FollowUpNotifier {
  const { client } = deps;
  const translatorOf = recipientTranslator(deps);
  const tFor = (workspaceId: string, person: PersonRef): Promise<Translate> =>
    translatorOf(workspaceId, person.slackUserId);
  const section = (text: string) => ({
    text,
    blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text } }],
  });
  /** The follow-up's DM, to `cover` (saying for whom) or to the assignee, posted once under `id`. */
  async function postDm(f: FollowUpDetails, attempt: Attempt, cover: Cover | null | undefined, id: string) {
    const to = cover?.person ?? f.assignee;
    const t = await tFor(f.workspaceId, to);
    const dm = buildFollowUpDm(t, f);
    return postOnce(
      deps.delivery,
      { to: to.slackUserId, eventType: FOLLOW_UP_EVENT, id, unsureSince: attempt.unsureSince },
      cover ? withCoveringLine(t, dm, f.assignee.slackUserId, cover.awayUntil) : dm,
    );
  }
  return {
    deliver: (f: FollowUpDetails, attempt, cover) =>
      postDm(f, attempt, cover, `${f.id}:due:${f.dueAt.getTime()}${cover ? `:cover:${cover.person.id}` : ""}`),
    handOver: (f: FollowUpDetails, attempt, cover) =>
      postDm(
        f,
        attempt,
        cover,
        `${f.id}:handover:${cover?.person.id ?? f.assignee.id}:${f.lastRemindedAt?.getTime() ?? 0}`,
      ),
    async remind(f, attempt, cover) {
      const to = cover?.person ?? f.assignee;
      const t = await tFor(f.workspaceId, to);
      const overdue = t("followUpDm.overdue", {
        customer: escapeMrkdwn(f.customer.name),
        date: slackDate(f.dueAt, "date"),
      });
      const text = cover ? `${coveringText(t, f.assignee.slackUserId, cover.awayUntil)}\n${overdue}` : overdue;
      await postOnce(
        deps.delivery,
        {
          to: to.slackUserId,
          eventType: FOLLOW_UP_EVENT,
          // The reminder after the one last recorded.
          id: `${f.id}:remind:${f.lastRemindedAt?.getTime() ?? 0}`,
          threadTs: f.dmTs,
          unsureSince: attempt.unsureSince,
        },
        section(text),
      );
    },
    async tellManagers(f, managers, daysOverdue, attempt) {
      for (const manager of managers) {
        const t = await tFor(f.workspaceId, manager);
        const text = t("followUpDm.managerReport", {
          person: mention(f.assignee.slackUserId),
          customer: escapeMrkdwn(f.customer.name),
          count: daysOverdue,
        });
        await postOnce(
          deps.delivery,
          {
            to: manager.slackUserId,
            eventType: FOLLOW_UP_EVENT,
            id: `${f.id}:manager:${manager.id}`,
            unsureSince: attempt.unsureSince,
          },
          section(text),
        );
      }
    },
    async settle(f, how) {
      if (!f.dmChannelId || !f.dmTs) return;
      const t = await tFor(f.workspaceId, f.assignee);
      await client.chat.update({ channel: f.dmChannelId, ts: f.dmTs, ...buildFollowUpDm(t, f, how) });
    },
  };
}
