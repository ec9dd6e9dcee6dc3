import type { KnownBlock } from "@slack/types";
import type { Customer } from "../../domain/customers/customer.types.js";
import type { Translate } from "../../i18n/i18n.js";
import { ACTIONS } from "../ids.js";
import { escapeMrkdwn, plainText, quoteText, shorten } from "../mrkdwn.js";
import { DraftRefSchema, encode, PickCustomerSchema } from "../payloads.js";

const openFormButton = (t: Translate, draftId: string) => ({
  type: "button" as const,
  action_id: ACTIONS.openForm,
  style: "primary" as const,
  text: { type: "plain_text" as const, text: shorten(t("log.openForm"), 75) },
  value: encode(DraftRefSchema, { d: draftId }),
});

/** A one-line log that could not be understood: why, the usage line, and the form with what was typed. */
export function buildLogProblem(
  t: Translate,
  problem: string,
  draftId: string,
): { text: string; blocks: KnownBlock[] } {
  return {
    text: problem,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: problem } },
      { type: "context", elements: [{ type: "mrkdwn", text: t("log.usage") }] },
      { type: "actions", elements: [openFormButton(t, draftId)] },
    ],
  };
}

/**
 * The typed customer matches several, or is close to existing names: the person
 * chooses; nothing is merged or created behind their back.
 */
export function buildCustomerChoice(
  t: Translate,
  input: { typed: string; candidates: Customer[]; draftId: string; allowCreate: boolean },
): { text: string; blocks: KnownBlock[] } {
  const text = input.allowCreate
    ? t("log.closeNames", { name: escapeMrkdwn(input.typed) })
    : t("log.severalCustomers", { name: escapeMrkdwn(input.typed) });
  const buttons = input.candidates.slice(0, 5).map((customer) => ({
    type: "button" as const,
    action_id: `${ACTIONS.pickCustomer}_${customer.id}`,
    text: { type: "plain_text" as const, text: plainText(t("log.useCustomer", { name: customer.name }), 75) },
    value: encode(PickCustomerSchema, { d: input.draftId, c: customer.id }),
  }));
  const extra = input.allowCreate
    ? [
        {
          type: "button" as const,
          action_id: ACTIONS.createCustomer,
          text: { type: "plain_text" as const, text: plainText(t("log.createCustomer", { name: input.typed }), 75) },
          value: encode(DraftRefSchema, { d: input.draftId }),
        },
      ]
    : [];
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      { type: "context", elements: [{ type: "mrkdwn", text: t("log.usage") }] },
      { type: "actions", elements: [...buttons, ...extra, openFormButton(t, input.draftId)] },
    ],
  };
}

/** A draft made from a DM or an intake post whose customer is unknown: log it, or fix it in the form. */
export function buildDraftCard(
  t: Translate,
  input: {
    draftId: string;
    customer: string | null;
    kind: string;
    channel: string;
    summary: string;
    canLog: boolean;
    intro: string;
  },
): { text: string; blocks: KnownBlock[] } {
  const what = input.customer
    ? t("draft.what", {
        kind: t(`kind.${input.kind}`),
        channel: t(`channel.${input.channel}`),
        customer: escapeMrkdwn(input.customer),
      })
    : t("draft.noCustomer", { kind: t(`kind.${input.kind}`), channel: t(`channel.${input.channel}`) });
  const buttons = [
    ...(input.canLog
      ? [
          {
            type: "button" as const,
            action_id: ACTIONS.logDraft,
            style: "primary" as const,
            text: { type: "plain_text" as const, text: shorten(t("draft.logIt"), 75) },
            value: encode(DraftRefSchema, { d: input.draftId }),
          },
        ]
      : []),
    {
      ...openFormButton(t, input.draftId),
      ...(input.canLog ? { style: undefined } : {}),
      text: { type: "plain_text" as const, text: shorten(t("draft.edit"), 75) },
    },
  ];
  const quoted = quoteText(input.summary, 2_000);
  return {
    text: input.intro,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `${input.intro}\n${what}\n${quoted}` } },
      { type: "actions", elements: buttons },
    ],
  };
}
