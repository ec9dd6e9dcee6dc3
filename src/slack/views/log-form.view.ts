import type { ModalView, PlainTextOption } from "@slack/types";
import { FOLLOW_UP_MAX_DAYS, SUMMARY_MAX_LENGTH } from "../../domain/interactions/interaction.limits.js";
import {
  CHANNELS,
  type Channel,
  KINDS,
  type Kind,
  OUTCOMES,
  type Outcome,
  SENTIMENTS,
  type Sentiment,
} from "../../domain/interactions/vocabulary.js";
import type { ReasonCategory } from "../../domain/reasons/reason.types.js";
import { clip } from "../../domain/text.js";
import type { Translate } from "../../i18n/i18n.js";
import { ACTIONS, BLOCK_IDS, CALLBACKS, inputAction } from "../ids.js";
import { plainText, shorten } from "../mrkdwn.js";
import { encode, type LogFormMetadata, LogFormMetadataSchema } from "../payloads.js";
import { reasonName, reasonOptions } from "./reasons.view.js";

export interface LogFormPrefill {
  customer?: { id: string; name: string } | { newName: string };
  kind?: Kind;
  channel?: Channel;
  summary?: string;
  outcome?: Outcome;
  sentiment?: Sentiment | null;
  occurredAt?: Date;
  reasonCategoryId?: string | null;
}

/** What a complaint can be filed under, and the category the prefilled summary's words suggest. */
export interface LogFormCategories {
  categories: ReasonCategory[];
  suggestion?: ReasonCategory;
}

const plain = (text: string) => ({ type: "plain_text" as const, text });

function options<T extends string>(t: Translate, prefix: string, values: readonly T[]): PlainTextOption[] {
  return values.map((value) => ({ text: plain(shorten(t(`${prefix}.${value}`), 75)), value }));
}

/** The option for a customer in the type-ahead: an existing one, or one to create. */
export function customerOption(
  t: Translate,
  customer: { id: string; name: string } | { newName: string },
): PlainTextOption {
  if ("id" in customer) return { text: plain(shorten(customer.name, 75)), value: `id:${customer.id}` };
  return {
    text: plain(plainText(t("form.createCustomer", { name: customer.newName }), 75)),
    value: `new:${clip(customer.newName, 140)}`,
  };
}

/** The logging form, new or for editing; prefilled with whatever the person already gave. */
/** `now`: the app's clock, the default for when it happened. */
export function buildLogForm(
  t: Translate,
  prefill: LogFormPrefill,
  metadata: LogFormMetadata,
  now: Date,
  { categories, suggestion }: LogFormCategories = { categories: [] },
): ModalView {
  const kinds = options(t, "kind", KINDS);
  const channels = options(t, "channel", CHANNELS);
  const outcomes = options(t, "outcome", OUTCOMES);
  const sentiments = options(t, "sentiment", SENTIMENTS);
  const pick = (list: PlainTextOption[], value: string | null | undefined) => list.find((o) => o.value === value);
  const editing = Boolean(metadata.interactionId);
  const initialKind = pick(kinds, prefill.kind ?? "question");
  const initialChannel = pick(channels, prefill.channel ?? "phone");
  const initialOutcome = pick(outcomes, prefill.outcome ?? "pending");
  const initialSentiment = pick(sentiments, prefill.sentiment);
  const reasons = reasonOptions(t, categories, prefill.reasonCategoryId ?? null);
  const initialReason = pick(reasons, prefill.reasonCategoryId);
  // A suggestion is only shown: the person picks it, or another.
  const reasonHint =
    suggestion && !initialReason
      ? t("form.categorySuggested", { name: reasonName(t, suggestion) })
      : t("form.categoryHint");
  return {
    type: "modal",
    callback_id: CALLBACKS.logForm,
    private_metadata: encode(LogFormMetadataSchema, metadata),
    title: plain(shorten(t(editing ? "form.editTitle" : "form.title"), 24)),
    submit: plain(shorten(t(editing ? "form.save" : "form.submit"), 24)),
    close: plain(shorten(t("form.cancel"), 24)),
    blocks: [
      {
        type: "input",
        block_id: BLOCK_IDS.customer,
        label: plain(t("form.customer")),
        hint: plain(t("form.customerHint")),
        element: {
          type: "external_select",
          action_id: ACTIONS.customerSelect,
          min_query_length: 1,
          placeholder: plain(shorten(t("form.customerPlaceholder"), 150)),
          ...(prefill.customer ? { initial_option: customerOption(t, prefill.customer) } : {}),
        },
      },
      {
        type: "input",
        block_id: BLOCK_IDS.kind,
        label: plain(t("form.kind")),
        element: {
          type: "static_select",
          action_id: inputAction(BLOCK_IDS.kind),
          options: kinds,
          ...(initialKind ? { initial_option: initialKind } : {}),
        },
      },
      {
        type: "input",
        block_id: BLOCK_IDS.channel,
        label: plain(t("form.channel")),
        element: {
          type: "static_select",
          action_id: inputAction(BLOCK_IDS.channel),
          options: channels,
          ...(initialChannel ? { initial_option: initialChannel } : {}),
        },
      },
      {
        type: "input",
        block_id: BLOCK_IDS.summary,
        label: plain(t("form.summary")),
        element: {
          type: "plain_text_input",
          action_id: inputAction(BLOCK_IDS.summary),
          multiline: true,
          max_length: SUMMARY_MAX_LENGTH,
          placeholder: plain(shorten(t("form.summaryPlaceholder"), 150)),
          ...(prefill.summary ? { initial_value: clip(prefill.summary, SUMMARY_MAX_LENGTH) } : {}),
        },
      },
      ...(reasons.length
        ? [
            {
              type: "input" as const,
              block_id: BLOCK_IDS.reasonCategory,
              optional: true,
              label: plain(shorten(t("form.category"), 2_000)),
              hint: plain(shorten(reasonHint, 2_000)),
              element: {
                type: "static_select" as const,
                action_id: inputAction(BLOCK_IDS.reasonCategory),
                options: reasons,
                ...(initialReason ? { initial_option: initialReason } : {}),
              },
            },
          ]
        : []),
      {
        type: "input",
        block_id: BLOCK_IDS.outcome,
        label: plain(t("form.outcome")),
        element: {
          type: "radio_buttons",
          action_id: inputAction(BLOCK_IDS.outcome),
          options: outcomes,
          ...(initialOutcome ? { initial_option: initialOutcome } : {}),
        },
      },
      {
        type: "input",
        block_id: BLOCK_IDS.sentiment,
        optional: true,
        label: plain(t("form.sentiment")),
        element: {
          type: "static_select",
          action_id: inputAction(BLOCK_IDS.sentiment),
          options: sentiments,
          ...(initialSentiment ? { initial_option: initialSentiment } : {}),
        },
      },
      {
        type: "input",
        block_id: BLOCK_IDS.occurredAt,
        label: plain(t("form.occurredAt")),
        hint: plain(t("form.occurredAtHint")),
        element: {
          type: "datetimepicker",
          action_id: inputAction(BLOCK_IDS.occurredAt),
          initial_date_time: Math.floor((prefill.occurredAt ?? now).getTime() / 1000),
        },
      },
      ...(editing
        ? []
        : [
            {
              type: "input" as const,
              block_id: BLOCK_IDS.escalate,
              optional: true,
              label: plain(t("form.escalate")),
              element: {
                type: "checkboxes" as const,
                action_id: inputAction(BLOCK_IDS.escalate),
                options: [{ text: plain(shorten(t("form.escalateOption"), 75)), value: "yes" }],
              },
            },
            {
              type: "input" as const,
              block_id: BLOCK_IDS.followUpDays,
              optional: true,
              label: plain(t("form.followUpDays")),
              hint: plain(t("form.followUpDaysHint")),
              element: {
                type: "number_input" as const,
                action_id: inputAction(BLOCK_IDS.followUpDays),
                is_decimal_allowed: false,
                min_value: "1",
                max_value: String(FOLLOW_UP_MAX_DAYS),
              },
            },
          ]),
    ],
  };
}
