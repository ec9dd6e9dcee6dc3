import type { ModalView, PlainTextOption } from "@slack/types";
import { REQUESTED_ACTIONS, SEVERITIES } from "../../domain/escalations/escalation.types.js";
import type { Interaction } from "../../domain/interactions/interaction.types.js";
import type { ReasonCategory } from "../../domain/reasons/reason.types.js";
import type { Translate } from "../../i18n/i18n.js";
import { BLOCK_IDS, CALLBACKS, inputAction } from "../ids.js";
import { escapeMrkdwn, shorten } from "../mrkdwn.js";
import { DecisionMetadataSchema, EscalateMetadataSchema, EscalationRefSchema, encode } from "../payloads.js";
import { buildAssigneeForm } from "./assignee-form.view.js";
import { reasonName, reasonOptions } from "./reasons.view.js";
import { rootCauseBlocks } from "./root-cause-form.view.js";

const plain = (text: string) => ({ type: "plain_text" as const, text });
const option = (text: string, value: string): PlainTextOption => ({ text: plain(shorten(text, 75)), value });

/**
 * Raise: reason, severity, the action asked for, amount or note; for a complaint, also what it is
 * about (one of the workspace's reason categories, required).
 */
export function buildEscalateForm(
  t: Translate,
  interaction: Interaction,
  channelId?: string,
  categories: ReasonCategory[] = [],
  suggestion?: ReasonCategory,
): ModalView {
  const reasonChoices = interaction.kind === "complaint" ? reasonOptions(t, categories) : [];
  const filed = reasonChoices.find((o) => o.value === interaction.reasonCategoryId);
  const severities = SEVERITIES.map((s) => option(t(`severity.${s}`), s));
  const actions = REQUESTED_ACTIONS.map((a) => option(t(`escalation.action.${a}`), a));
  return {
    type: "modal",
    callback_id: CALLBACKS.escalateForm,
    private_metadata: encode(EscalateMetadataSchema, { i: interaction.id, ...(channelId ? { channelId } : {}) }),
    title: plain(shorten(t("escalation.formTitle"), 24)),
    submit: plain(shorten(t("escalation.formSubmit"), 24)),
    close: plain(shorten(t("form.cancel"), 24)),
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: t("escalation.formFor", { customer: escapeMrkdwn(interaction.customerName) }) },
      },
      {
        type: "input",
        block_id: BLOCK_IDS.reason,
        label: plain(t("escalation.reason")),
        element: {
          type: "plain_text_input",
          action_id: inputAction(BLOCK_IDS.reason),
          multiline: true,
          max_length: 1_500,
        },
      },
      ...(reasonChoices.length
        ? [
            {
              type: "input" as const,
              block_id: BLOCK_IDS.reasonCategory,
              label: plain(t("escalation.reasonCategory")),
              // A suggestion is shown, never chosen for the person.
              ...(!filed && suggestion
                ? { hint: plain(t("form.categorySuggested", { name: reasonName(t, suggestion) })) }
                : {}),
              element: {
                type: "static_select" as const,
                action_id: inputAction(BLOCK_IDS.reasonCategory),
                options: reasonChoices,
                ...(filed ? { initial_option: filed } : {}),
              },
            },
          ]
        : []),
      {
        type: "input",
        block_id: BLOCK_IDS.severity,
        label: plain(t("escalation.severity")),
        element: {
          type: "static_select",
          action_id: inputAction(BLOCK_IDS.severity),
          options: severities,
          initial_option: severities[1],
        },
      },
      {
        type: "input",
        block_id: BLOCK_IDS.requestedAction,
        label: plain(t("escalation.request")),
        element: {
          type: "radio_buttons",
          action_id: inputAction(BLOCK_IDS.requestedAction),
          options: actions,
          initial_option: actions[0],
        },
      },
      {
        type: "input",
        block_id: BLOCK_IDS.amount,
        optional: true,
        label: plain(t("escalation.amount")),
        element: {
          type: "number_input",
          action_id: inputAction(BLOCK_IDS.amount),
          is_decimal_allowed: true,
          min_value: "0",
        },
      },
      {
        type: "input",
        block_id: BLOCK_IDS.escalationNote,
        optional: true,
        label: plain(t("escalation.note")),
        element: { type: "plain_text_input", action_id: inputAction(BLOCK_IDS.escalationNote), max_length: 1_000 },
      },
    ],
  };
}

const DECISION_KEYS = {
  approve: { title: "escalation.approveTitle", submit: "escalation.approve" },
  reject: { title: "escalation.rejectTitle", submit: "escalation.reject" },
} as const;

/** Approve or Reject: the decision's note; for a complaint, what was really behind it. */
export function buildDecisionNoteForm(
  t: Translate,
  escalationId: string,
  decision: "approve" | "reject",
  complaint?: { interaction: Interaction; categories: ReasonCategory[] },
): ModalView {
  return {
    type: "modal",
    callback_id: CALLBACKS.decisionNote,
    private_metadata: encode(DecisionMetadataSchema, { e: escalationId, d: decision }),
    title: plain(shorten(t(DECISION_KEYS[decision].title), 24)),
    submit: plain(shorten(t(DECISION_KEYS[decision].submit), 24)),
    close: plain(shorten(t("form.cancel"), 24)),
    blocks: [
      {
        type: "input",
        block_id: BLOCK_IDS.decisionNote,
        label: plain(t("escalation.decisionNote")),
        element: {
          type: "plain_text_input",
          action_id: inputAction(BLOCK_IDS.decisionNote),
          multiline: true,
          max_length: 1_000,
        },
      },
      ...(complaint ? rootCauseBlocks(t, complaint.categories, complaint.interaction) : []),
    ],
  };
}

/** Reassign: to another manager of the team. */
export function buildReassignForm(t: Translate, escalationId: string): ModalView {
  return buildAssigneeForm(t, {
    callbackId: CALLBACKS.reassignForm,
    privateMetadata: encode(EscalationRefSchema, { e: escalationId }),
    titleKey: "escalation.reassignTitle",
    submitKey: "escalation.reassign",
  });
}
