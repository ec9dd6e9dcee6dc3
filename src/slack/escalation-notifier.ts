import type { WebClient } from "@slack/web-api";
import type { EscalationNotifier } from "../domain/escalations/escalation.notifier.js";
import type { EscalationDetails, PersonRef } from "../domain/escalations/escalation.types.js";
import type { MemberService } from "../domain/members/member.service.js";
import type { I18n, Translate } from "../i18n/i18n.js";
import { matchLocale, type SupportedLocale } from "../i18n/locales.js";
import { verbatim } from "../i18n/verbatim.js";
import { mention, slackDate } from "./format.js";
import { ACTIONS } from "./ids.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { EscalationRefSchema, encode } from "./payloads.js";
import { postOnce } from "./post-once.js";
import { recipientTranslator } from "./recipient-translator.js";
import { buildEscalationCard, describeDecision } from "./views/escalation-card.view.js";

/** The agent may take an escalation back while no manager has claimed it. */
const cancelButton = (t: Translate, escalationId: string) => ({
  type: "actions" as const,
  elements: [
    {
      type: "button" as const,
      action_id: ACTIONS.cancel,
      value: encode(EscalationRefSchema, { e: escalationId }),
      text: { type: "plain_text" as const, text: t("escalation.cancel") },
    },
  ],
});

const section = (text: string) => ({
  text,
  blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text } }],
});

const ESCALATION_EVENT = "rapport_escalation";

/** Escalation messages in Slack: cards and threads in the workspace's language, DMs in each recipient's. */
export function createEscalationNotifier(deps: {
  client: WebClient;
  /** For scheduled reminders and hand-offs: no retries of its own (see post-once.ts). */
  delivery: WebClient;
  i18n: I18n;
  members: MemberService;
  defaultLocale: SupportedLocale;
}): EscalationNotifier {
  const { client } = deps;
  // Cards and thread lines are read by everyone in the channel: the workspace's language.
  const workspaceTs = new Map<string, Translate>();
  async function channelTFor(workspaceId: string): Promise<Translate> {
    let t = workspaceTs.get(workspaceId);
    if (!t) {
      const locale = matchLocale(await deps.members.workspaceLocale(workspaceId)) ?? deps.defaultLocale;
      t = deps.i18n.translator(locale);
      workspaceTs.set(workspaceId, t);
    }
    return t;
  }

  const translatorOf = recipientTranslator(deps);
  const personT = (workspaceId: string, person: PersonRef): Promise<Translate> =>
    translatorOf(workspaceId, person.slackUserId);

  async function dm(workspaceId: string, person: PersonRef, build: (t: Translate) => string) {
    const t = await personT(workspaceId, person);
    await client.chat.postMessage({ channel: person.slackUserId, ...section(build(t)) });
  }

  const inThread = (e: EscalationDetails, text: string) =>
    e.channelId && e.messageTs
      ? client.chat.postMessage({ channel: e.channelId, thread_ts: e.messageTs, ...section(text) })
      : Promise.resolve();

  return {
    async postCard(e, channelId, attempt) {
      const ct = await channelTFor(e.workspaceId);
      const card = await postOnce(
        deps.delivery,
        { to: channelId, eventType: ESCALATION_EVENT, id: `${e.id}:card`, ...attempt },
        buildEscalationCard(ct, e),
      );
      const t = await personT(e.workspaceId, e.raisedBy);
      const text = t("escalation.dm.posted", { customer: escapeMrkdwn(e.customer.name), channel: channelId });
      await postOnce(
        deps.delivery,
        { to: e.raisedBy.slackUserId, eventType: ESCALATION_EVENT, id: `${e.id}:posted`, ...attempt },
        { text, blocks: [...section(text).blocks, cancelButton(t, e.id)] },
      );
      return card;
    },
    async updateCard(e) {
      const ct = await channelTFor(e.workspaceId);
      if (!e.channelId || !e.messageTs) return;
      await client.chat.update({ channel: e.channelId, ts: e.messageTs, ...buildEscalationCard(ct, e) });
    },
    async announce(e, event) {
      const ct = await channelTFor(e.workspaceId);
      await inThread(e, describeDecision(ct, e, event));
      if (event.actor.id !== e.raisedBy.id) await dm(e.workspaceId, e.raisedBy, (t) => describeDecision(t, e, event));
    },
    async postFailed(e, reason, admins, retryAt) {
      const channel = e.channelId ?? "";
      await dm(e.workspaceId, e.raisedBy, (t) =>
        t("escalation.dm.postFailed", {
          customer: escapeMrkdwn(e.customer.name),
          channel,
          retry: retryAt ? slackDate(retryAt) : "",
        }),
      );
      for (const admin of admins) {
        await dm(e.workspaceId, admin, (t) =>
          t("escalation.admin.postFailed", {
            channel,
            reason: escapeMrkdwn(reason),
            agent: mention(e.raisedBy.slackUserId),
          }),
        );
      }
    },
    async noRoute(e, admins) {
      await dm(e.workspaceId, e.raisedBy, (t) =>
        t("escalation.dm.noRoute", { customer: escapeMrkdwn(e.customer.name) }),
      );
      for (const admin of admins)
        await dm(e.workspaceId, admin, (t) =>
          t("escalation.admin.noRoute", { agent: mention(e.raisedBy.slackUserId) }),
        );
    },
    async remind(e, managers, attempt) {
      const ct = await channelTFor(e.workspaceId);
      const people = verbatim(managers.map((m) => mention(m.slackUserId)).join(" "));
      const text = ct("escalation.reminder", {
        people: people.text ? people : ct("escalation.noManagers"),
        deadline: slackDate(e.dueAt),
      });
      if (!e.channelId || !e.messageTs) return;
      await postOnce(
        deps.delivery,
        { to: e.channelId, threadTs: e.messageTs, eventType: ESCALATION_EVENT, id: `${e.id}:reminder`, ...attempt },
        section(text),
      );
    },
    async handToDirector(e, director, channelId, attempt, why = "limit") {
      const away = why === "managersAway";
      const ct = await channelTFor(e.workspaceId);
      const link =
        e.channelId && e.messageTs
          ? `https://slack.com/archives/${e.channelId}/p${e.messageTs.replace(".", "")}`
          : null;
      const text = (t: Translate) =>
        t(away ? "escalation.handoffManagersAway" : "escalation.handoff", {
          customer: escapeMrkdwn(e.customer.name),
          severity: t(`severity.${e.severity}`),
          deadline: slackDate(e.dueAt),
        }) + (link ? `\n<${link}|${t("escalation.openCard")}>` : "");
      // Three messages, each posted once even when the hand-off is tried again.
      const once = (to: string, part: string, threadTs?: string | null) => ({
        to,
        threadTs: threadTs ?? null,
        eventType: ESCALATION_EVENT,
        id: `${e.id}:handoff:${part}`,
        ...attempt,
      });
      if (director) {
        const t = await personT(e.workspaceId, director);
        await postOnce(deps.delivery, once(director.slackUserId, "dm"), section(text(t)));
      }
      if (channelId) await postOnce(deps.delivery, once(channelId, "channel"), section(text(ct)));
      if (e.channelId && e.messageTs) {
        const line = ct(away ? "escalation.handoffThreadManagersAway" : "escalation.handoffThread", {
          person: director ? mention(director.slackUserId) : ct("escalation.noDirector"),
        });
        await postOnce(deps.delivery, once(e.channelId, "thread", e.messageTs), section(line));
      }
    },
  };
}
