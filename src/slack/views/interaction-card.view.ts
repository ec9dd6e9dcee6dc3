import type { ActionsBlock, KnownBlock } from "@slack/types";
import type { CustomerContext, Interaction } from "../../domain/interactions/interaction.types.js";
import type { Translate } from "../../i18n/i18n.js";
import { mention, slackDate } from "../format.js";
import { ACTIONS, BLOCK_IDS } from "../ids.js";
import { escapeMrkdwn, mrkdwnText, quoteText } from "../mrkdwn.js";
import { encode, InteractionRefSchema } from "../payloads.js";

const STATE_KEYS = { logged: "card.logged", updated: "card.updated", duplicate: "card.duplicate" } as const;
const REMOVED_KEYS = { undone: "card.undone", deleted: "card.deleted" } as const;

export interface InteractionCardInput {
  interaction: Interaction;
  context: CustomerContext;
  canUndo: boolean;
  /** "logged" for a new one, "updated" after an edit, "duplicate" when a retry found it. */
  state: "logged" | "updated" | "duplicate";
}

/** One line saying what the interaction is: kind, channel, outcome, customer. */
export function describeInteraction(t: Translate, interaction: Interaction): string {
  return t("card.what", {
    kind: t(`kind.${interaction.kind}`),
    channel: t(`channel.${interaction.channel}`),
    outcome: t(`outcome.${interaction.outcome}`),
    customer: escapeMrkdwn(interaction.customerName),
  });
}

export function quoteSummary(summary: string, max = 2_500): string {
  return quoteText(summary, max).text;
}

// Zero has its own sentence ("No complaints…"), not a plural form: in Latvian the
// plural category called "zero" also covers 10–20, so it cannot stand for "none".
export function describeContext(t: Translate, context: CustomerContext): string {
  const parts = [
    context.recentComplaints > 0
      ? t("card.recentComplaints", { count: context.recentComplaints })
      : t("card.noRecentComplaints"),
    context.openEscalations > 0
      ? t("card.openEscalations", { count: context.openEscalations })
      : t("card.noOpenEscalations"),
    context.followUpsDue > 0 && context.nextFollowUpAt
      ? t("card.followUpsDue", { count: context.followUpsDue, date: slackDate(context.nextFollowUpAt, "date") })
      : t("card.noFollowUpsDue"),
  ];
  return parts.join(" · ");
}

export function buildInteractionCard(
  t: Translate,
  input: InteractionCardInput,
): { text: string; blocks: KnownBlock[] } {
  const { interaction, context } = input;
  const ref = encode(InteractionRefSchema, { i: interaction.id });
  const headline = t(STATE_KEYS[input.state]);
  const details = [
    t("card.when", { date: slackDate(interaction.occurredAt) }),
    t("card.by", { person: mention(interaction.authorSlackUserId) }),
    ...(interaction.sourcePermalink ? [`<${encodeURI(interaction.sourcePermalink)}|${t("card.source")}>`] : []),
  ].join(" · ");
  const buttons: ActionsBlock["elements"] = [
    { type: "button", action_id: ACTIONS.escalate, text: { type: "plain_text", text: t("card.escalate") }, value: ref },
    {
      type: "button",
      action_id: ACTIONS.addFollowUp,
      text: { type: "plain_text", text: t("card.addFollowUp") },
      value: ref,
    },
    { type: "button", action_id: ACTIONS.edit, text: { type: "plain_text", text: t("card.edit") }, value: ref },
  ];
  if (input.canUndo) {
    buttons.push({
      type: "button",
      action_id: ACTIONS.undo,
      text: { type: "plain_text", text: t("card.undo") },
      value: ref,
      style: "danger",
    });
  }
  // The summary is quoted in what the section has left of Slack's 3,000 characters.
  const what = `*${headline}* ${describeInteraction(t, interaction)}\n`;
  return {
    text: `${headline} ${mrkdwnText(interaction.customerName, 200)}`,
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: `${what}${quoteSummary(interaction.summary, 3_000 - what.length)}` },
      },
      { type: "context", elements: [{ type: "mrkdwn", text: details }] },
      { type: "context", elements: [{ type: "mrkdwn", text: describeContext(t, context) }] },
      { type: "actions", block_id: BLOCK_IDS.cardActions, elements: buttons },
    ],
  };
}

/** What the card becomes once undone or deleted: no buttons left to press. */
export function buildRemovedCard(t: Translate, interaction: Interaction, how: "undone" | "deleted") {
  const text = `*${t(REMOVED_KEYS[how])}* ${describeInteraction(t, interaction)}`;
  return { text: t(REMOVED_KEYS[how]), blocks: [{ type: "section", text: { type: "mrkdwn", text } }] as KnownBlock[] };
}
