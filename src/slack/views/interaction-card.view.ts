import type { ActionsBlock, KnownBlock } from "@slack/types";
import type { CustomerContext, Interaction } from "../../domain/interactions/interaction.types.js";
import type { ReasonCategory } from "../../domain/reasons/reason.types.js";
import type { Translate } from "../../i18n/i18n.js";
import { mention, slackDate } from "../format.js";
import { ACTIONS, BLOCK_IDS } from "../ids.js";
import { escapeMrkdwn, mrkdwnText, quoteText, shorten } from "../mrkdwn.js";
import { encode, FileUnderSchema, InteractionRefSchema } from "../payloads.js";
import { reasonName } from "./reasons.view.js";

const STATE_KEYS = { logged: "card.logged", updated: "card.updated", duplicate: "card.duplicate" } as const;
const REMOVED_KEYS = { undone: "card.undone", deleted: "card.deleted" } as const;

export interface InteractionCardInput {
  interaction: Interaction;
  context: CustomerContext;
  canUndo: boolean;
  /** "logged" for a new one, "updated" after an edit, "duplicate" when a retry found it. */
  state: "logged" | "updated" | "duplicate";
  /** For a complaint: the workspace's categories (retired ones too, to name an old one). */
  categories?: ReasonCategory[];
  /** The category the summary's words point to, offered when it has none. */
  suggestion?: ReasonCategory;
}

/** A complaint's category and root cause, and the way to file it, suggest one, or resolve it. */
function complaintBlocks(t: Translate, input: InteractionCardInput): KnownBlock[] {
  const { interaction, categories = [], suggestion } = input;
  const named = (id: string | null) => {
    const found = categories.find((c) => c.id === id);
    return found ? escapeMrkdwn(reasonName(t, found)) : undefined;
  };
  const category = named(interaction.reasonCategoryId);
  const lines = [
    category
      ? t("card.category", { name: category })
      : suggestion
        ? t("card.categorySuggested", { name: escapeMrkdwn(reasonName(t, suggestion)) })
        : t("card.noCategory"),
  ];
  if (interaction.rootCauseCategoryId || interaction.rootCauseNote) {
    const cause = named(interaction.rootCauseCategoryId) ?? "–";
    const note = interaction.rootCauseNote ? mrkdwnText(interaction.rootCauseNote, 600) : "";
    lines.push(note ? t("card.rootCauseWithNote", { name: cause, note }) : t("card.rootCause", { name: cause }));
  }
  const options = categories
    .filter((c) => !c.retired)
    .slice(0, 100)
    .map((c) => ({
      text: { type: "plain_text" as const, text: shorten(reasonName(t, c), 75) },
      value: encode(FileUnderSchema, { i: interaction.id, c: c.id }),
    }));
  const chosen = interaction.reasonCategoryId;
  const current = chosen
    ? options.find((o) => o.value === encode(FileUnderSchema, { i: interaction.id, c: chosen }))
    : undefined;
  const elements: ActionsBlock["elements"] = [];
  if (options.length > 0)
    elements.push({
      type: "static_select",
      action_id: ACTIONS.fileUnder,
      placeholder: { type: "plain_text", text: shorten(t("card.fileUnder"), 150) },
      options,
      ...(current ? { initial_option: current } : {}),
    });
  if (!category && suggestion && !suggestion.retired)
    elements.push({
      type: "button",
      action_id: ACTIONS.fileUnderSuggested,
      text: {
        type: "plain_text",
        text: shorten(t("card.fileUnderSuggested", { name: reasonName(t, suggestion) }), 75),
      },
      value: encode(FileUnderSchema, { i: interaction.id, c: suggestion.id }),
    });
  if (interaction.outcome !== "resolved")
    elements.push({
      type: "button",
      action_id: ACTIONS.resolveComplaint,
      text: { type: "plain_text", text: shorten(t("card.resolveComplaint"), 75) },
      value: encode(InteractionRefSchema, { i: interaction.id }),
    });
  return [
    { type: "context", elements: [{ type: "mrkdwn", text: lines.join("\n") }] },
    ...(elements.length ? [{ type: "actions" as const, block_id: BLOCK_IDS.cardCategory, elements }] : []),
  ];
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
      ...(interaction.kind === "complaint" ? complaintBlocks(t, input) : []),
      { type: "actions", block_id: BLOCK_IDS.cardActions, elements: buttons },
    ],
  };
}

/** What the card becomes once undone or deleted: no buttons left to press. */
export function buildRemovedCard(t: Translate, interaction: Interaction, how: "undone" | "deleted") {
  const text = `*${t(REMOVED_KEYS[how])}* ${describeInteraction(t, interaction)}`;
  return { text: t(REMOVED_KEYS[how]), blocks: [{ type: "section", text: { type: "mrkdwn", text } }] as KnownBlock[] };
}
