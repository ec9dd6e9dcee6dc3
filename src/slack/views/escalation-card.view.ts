import type { ActionsBlock, KnownBlock } from "@slack/types";
import type { DecisionEvent, EscalationDetails } from "../../domain/escalations/escalation.types.js";
import { formatAmount, type Translate } from "../../i18n/i18n.js";
import { mention, slackDate } from "../format.js";
import { ACTIONS, BLOCK_IDS } from "../ids.js";
import { escapeMrkdwn, mrkdwnText, plainText, shorten } from "../mrkdwn.js";
import { EscalationRefSchema, encode } from "../payloads.js";
import { quoteSummary } from "./interaction-card.view.js";

const SEVERITY_ICON = { low: "⚪", normal: "🔵", high: "🟠", urgent: "🔴" } as const;

function requestLine(t: Translate, e: EscalationDetails): string {
  const action = t(`escalation.action.${e.requestedAction}`);
  return e.amount
    ? t("escalation.requestWithAmount", { action, amount: formatAmount(t, e.amount, e.currency) })
    : action;
}

/** The card in the managers' channel: who, what is asked, the history, the deadline, and the buttons that fit the state. */
export function buildEscalationCard(t: Translate, e: EscalationDetails): { text: string; blocks: KnownBlock[] } {
  const headline = t("escalation.cardTitle", {
    icon: SEVERITY_ICON[e.severity],
    severity: t(`severity.${e.severity}`),
    customer: e.customer.name,
  });
  const history = e.history.recent
    .map((h) => `• ${slackDate(h.occurredAt, "date")} ${t(`kind.${h.kind}`)}: ${mrkdwnText(h.summary, 120)}`)
    .join("\n");
  const status = t(`escalation.status.${e.status}`);
  const who = e.decidedBy ?? e.claimedBy;
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: plainText(headline, 150) } },
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: `*${t("escalation.agent")}*\n${mention(e.raisedBy.slackUserId)}` },
        { type: "mrkdwn", text: `*${t("escalation.request")}*\n${escapeMrkdwn(requestLine(t, e))}` },
        { type: "mrkdwn", text: `*${t("escalation.deadline")}*\n${slackDate(e.dueAt)}` },
        {
          type: "mrkdwn",
          text: `*${t("escalation.statusLabel")}*\n${status}${who ? ` · ${mention(who.slackUserId)}` : ""}`,
        },
      ],
    },
    {
      type: "section",
      text: { type: "mrkdwn", text: `*${t("escalation.reason")}*\n${quoteSummary(e.reason, 1_500)}` },
    },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*${e.history.complaints > 0 ? t("escalation.history", { count: e.history.complaints }) : t("escalation.historyNoComplaints")}*\n${quoteSummary(e.interaction.summary, 600)}${history ? `\n${history}` : ""}`,
      },
    },
  ];
  if (e.note) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: mrkdwnText(e.note, 1_000).text }] });
  if (e.decisionNote) {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: `${t("escalation.decisionNote")}: ${mrkdwnText(e.decisionNote, 1_000)}` }],
    });
  }
  const ref = encode(EscalationRefSchema, { e: e.id });
  const button = (action: string, label: string, style?: "primary" | "danger") => ({
    type: "button" as const,
    action_id: action,
    value: ref,
    text: { type: "plain_text" as const, text: shorten(t(label), 75) },
    ...(style ? { style } : {}),
  });
  const buttons: ActionsBlock["elements"] = [];
  if (e.status === "open") buttons.push(button(ACTIONS.claim, "escalation.claim", "primary"));
  if (e.status === "open" || e.status === "claimed") {
    buttons.push(
      button(ACTIONS.approve, "escalation.approve"),
      button(ACTIONS.reject, "escalation.reject", "danger"),
      button(ACTIONS.reassign, "escalation.reassign"),
    );
  }
  if (e.status === "approved" || e.status === "rejected")
    buttons.push(button(ACTIONS.resolve, "escalation.resolve", "primary"));
  // Once decided, what was really behind a complaint can be recorded (or corrected).
  if (["approved", "rejected", "resolved"].includes(e.status) && e.interaction.kind === "complaint")
    buttons.push(button(ACTIONS.rootCause, "escalation.rootCause"));
  if (buttons.length) blocks.push({ type: "actions", block_id: BLOCK_IDS.escalationActions, elements: buttons });
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: t("escalation.replyHint") }] });
  return { text: headline, blocks };
}

/** One line for the thread and the agent's DM: who did what, with their note. */
export function describeDecision(t: Translate, e: EscalationDetails, event: DecisionEvent): string {
  const line = t(`escalation.event.${event.decision}`, {
    person: mention(event.actor.slackUserId),
    customer: escapeMrkdwn(e.customer.name),
  });
  return event.note ? `${line}\n>${mrkdwnText(event.note, 1_000)}` : line;
}
