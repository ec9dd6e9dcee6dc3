import type { KnownBlock, ModalView } from "@slack/types";
import { FOLLOW_UP_OUTCOMES, type FollowUpDetails, SNOOZES } from "../../domain/follow-ups/follow-up.types.js";
import { clip } from "../../domain/text.js";
import type { Translate } from "../../i18n/i18n.js";
import { slackDate } from "../format.js";
import { ACTIONS, BLOCK_IDS, CALLBACKS, inputAction } from "../ids.js";
import { escapeMrkdwn, mrkdwnText, shorten } from "../mrkdwn.js";
import { EscalationRefSchema, encode, FollowUpRefSchema, SnoozeChoiceSchema } from "../payloads.js";
import { buildAssigneeForm } from "./assignee-form.view.js";
import { quoteSummary } from "./interaction-card.view.js";

const plain = (text: string) => ({ type: "plain_text" as const, text });
const SETTLED_KEYS = {
  done: "followUpDm.done",
  snoozed: "followUpDm.snoozed",
  reassigned: "followUpDm.reassigned",
} as const;
const SNOOZE_KEYS = {
  hour: "followUpDm.snoozeHour",
  tomorrow: "followUpDm.snoozeTomorrow",
  next_week: "followUpDm.snoozeNextWeek",
} as const;
const OUTCOME_KEYS = {
  satisfied: "followUpDm.satisfied",
  not_satisfied: "followUpDm.notSatisfied",
  no_answer: "followUpDm.noAnswer",
} as const;

/** The DM when a follow-up is due: who, why, the recent history, and what to do now. Settled, it says so and drops its buttons. */
export function buildFollowUpDm(
  t: Translate,
  f: FollowUpDetails,
  settled?: "done" | "snoozed" | "reassigned",
): { text: string; blocks: KnownBlock[] } {
  const headline = t("followUpDm.due", { customer: escapeMrkdwn(f.customer.name), date: slackDate(f.dueAt, "date") });
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        // After an escalation was decided, the follow-up asks whether the customer is satisfied now.
        text: `${headline}\n${f.escalationId ? `_${t("followUpDm.satisfactionCheck")}_\n` : ""}${quoteSummary(f.note, 1_000)}`,
      },
    },
  ];
  if (f.recent.length > 0) {
    const lines = f.recent.map(
      (r) => `• ${slackDate(r.occurredAt, "date")} ${t(`kind.${r.kind}`)}: ${mrkdwnText(r.summary, 150)}`,
    );
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: lines.join("\n") }] });
  }
  if (settled) {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: t(SETTLED_KEYS[settled], { date: slackDate(f.dueAt) }) }],
    });
    return { text: headline, blocks };
  }
  const ref = encode(FollowUpRefSchema, { f: f.id });
  blocks.push({
    type: "actions",
    elements: [
      {
        type: "button",
        style: "primary",
        action_id: ACTIONS.followUpDone,
        value: ref,
        text: plain(t("followUpDm.doneButton")),
      },
      {
        type: "static_select",
        action_id: ACTIONS.followUpSnooze,
        placeholder: plain(shorten(t("followUpDm.snooze"), 150)),
        options: SNOOZES.map((s) => ({
          text: plain(shorten(t(SNOOZE_KEYS[s]), 75)),
          value: encode(SnoozeChoiceSchema, { f: f.id, s }),
        })),
      },
      {
        type: "datepicker",
        action_id: `${ACTIONS.followUpSnoozeDate}_${f.id}`,
        placeholder: plain(shorten(t("followUpDm.pickDate"), 150)),
      },
      { type: "button", action_id: ACTIONS.followUpReassign, value: ref, text: plain(t("followUpDm.reassignButton")) },
    ],
  });
  return { text: headline, blocks };
}

/** Done: how it went, and a word about it. */
export function buildFollowUpDoneForm(t: Translate, f: FollowUpDetails): ModalView {
  const options = FOLLOW_UP_OUTCOMES.map((o) => ({ text: plain(shorten(t(OUTCOME_KEYS[o]), 75)), value: o }));
  return {
    type: "modal",
    callback_id: CALLBACKS.followUpDone,
    private_metadata: encode(FollowUpRefSchema, { f: f.id }),
    title: plain(shorten(t("followUpDm.doneTitle"), 24)),
    submit: plain(shorten(t("followUpDm.doneButton"), 24)),
    close: plain(shorten(t("form.cancel"), 24)),
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: t("followUpDm.doneFor", { customer: escapeMrkdwn(f.customer.name) }) },
      },
      {
        type: "input",
        block_id: BLOCK_IDS.followUpOutcome,
        label: plain(t("followUpDm.outcome")),
        element: { type: "radio_buttons", action_id: inputAction(BLOCK_IDS.followUpOutcome), options },
      },
      {
        type: "input",
        block_id: BLOCK_IDS.followUpOutcomeNote,
        optional: true,
        label: plain(t("followUpDm.outcomeNote")),
        element: {
          type: "plain_text_input",
          action_id: inputAction(BLOCK_IDS.followUpOutcomeNote),
          multiline: true,
          max_length: 1_000,
        },
      },
    ],
  };
}

/** "Not satisfied" after an escalation: offer to re-open it, so the managers look again. */
export function buildReopenForm(t: Translate, escalationId: string, customer: string, note: string): ModalView {
  return {
    type: "modal",
    callback_id: CALLBACKS.reopenEscalation,
    private_metadata: encode(EscalationRefSchema, { e: escalationId }),
    title: plain(shorten(t("followUpDm.reopenTitle"), 24)),
    submit: plain(shorten(t("followUpDm.reopenButton"), 24)),
    close: plain(shorten(t("form.cancel"), 24)),
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: t("followUpDm.reopenText", { customer: escapeMrkdwn(customer) }) },
      },
      {
        type: "input",
        block_id: BLOCK_IDS.decisionNote,
        label: plain(t("escalation.reason")),
        element: {
          type: "plain_text_input",
          action_id: inputAction(BLOCK_IDS.decisionNote),
          multiline: true,
          max_length: 1_000,
          ...(note ? { initial_value: clip(note, 1_000) } : {}),
        },
      },
    ],
  };
}

export function buildFollowUpReassignForm(t: Translate, f: FollowUpDetails): ModalView {
  return buildAssigneeForm(t, {
    callbackId: CALLBACKS.followUpReassign,
    privateMetadata: encode(FollowUpRefSchema, { f: f.id }),
    titleKey: "followUpDm.reassignTitle",
    submitKey: "followUpDm.reassignButton",
    optionalHintKey: "followUpDm.reassignAnyone",
  });
}
