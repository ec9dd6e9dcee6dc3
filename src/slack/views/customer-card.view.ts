import type { KnownBlock } from "@slack/types";
import type { Customer } from "../../domain/customers/customer.types.js";
import type { TimelineEntry } from "../../domain/interactions/interaction.types.js";
import type { DefaultReason } from "../../domain/reasons/reason.types.js";
import type { ComplaintRecovery } from "../../domain/reports/report.types.js";
import type { Translate } from "../../i18n/i18n.js";
import { verbatim } from "../../i18n/verbatim.js";
import { slackDate } from "../format.js";
import { ACTIONS } from "../ids.js";
import { escapeMrkdwn, mrkdwnText, shorten } from "../mrkdwn.js";
import { encode, MenuChoiceSchema, TimelinePageSchema } from "../payloads.js";
import { reasonName } from "./reasons.view.js";

export const TIMELINE_PAGE_SIZE = 10;

export interface CustomerCardInput {
  customer: Customer;
  entries: TimelineEntry[];
  total: number;
  offset: number;
  /** Their latest complaints and whether each won them back. */
  recovery?: ComplaintRecovery[];
}

/** "After complaints: 3 Nov (Billing) won back · 20 Oct lost". */
function recoveryText(t: Translate, recovery: ComplaintRecovery[]): string {
  const items = recovery.map((r) => {
    const about = r.category
      ? ` (${escapeMrkdwn(shorten(reasonName(t, { key: r.category.key as DefaultReason | null, name: r.category.name }), 60))})`
      : "";
    return `${slackDate(r.at, "date")}${about}: *${t(`recovery.${r.state}`)}*`;
  });
  return t("customer.recovery", { complaints: verbatim(items.join(" · ")) });
}

function entryText(t: Translate, entry: TimelineEntry): string {
  const when = slackDate(entry.at, "date");
  switch (entry.type) {
    case "interaction":
      return `${when} · *${t(`kind.${entry.kind}`)}* · ${t(`channel.${entry.channel}`)} · ${t(`outcome.${entry.outcome}`)}${entry.author ? ` · ${escapeMrkdwn(entry.author)}` : ""}\n${mrkdwnText(entry.summary, 280)}`;
    case "escalation":
      return `${when} · *${t("customer.escalation")}* · ${t(`escalation.status.${entry.status}`)} · ${t(`severity.${entry.severity}`)}\n${mrkdwnText(entry.reason, 280)}`;
    case "followUp":
      return `${when} · *${t("customer.followUp")}* · ${t(`followUp.status.${entry.status}`)}${entry.assignee ? ` · ${escapeMrkdwn(entry.assignee)}` : ""}\n${mrkdwnText(entry.note, 280)}`;
  }
}

/** The customer card: details, then the timeline a page at a time, newest first. */
export function buildCustomerCard(t: Translate, input: CustomerCardInput): { text: string; blocks: KnownBlock[] } {
  const { customer } = input;
  const none = t("customer.none");
  const fields = [
    [t("customer.externalId"), customer.externalId],
    [t("customer.email"), customer.email],
    [t("customer.phone"), customer.phone],
    [t("customer.tier"), customer.tier],
    [t("customer.owner"), customer.ownerName],
    [t("customer.status"), t(`customerStatus.${customer.status}`)],
  ].map(([label, value]) => ({ type: "mrkdwn" as const, text: `*${label}*\n${value ? escapeMrkdwn(value) : none}` }));

  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: shorten(customer.name, 150) } },
    { type: "section", fields },
    ...(input.recovery?.length
      ? [{ type: "context" as const, elements: [{ type: "mrkdwn" as const, text: recoveryText(t, input.recovery) }] }]
      : []),
    { type: "divider" },
  ];
  if (input.entries.length === 0) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: t("customer.noHistory") } });
  }
  for (const entry of input.entries) {
    const block: KnownBlock = { type: "section", text: { type: "mrkdwn", text: entryText(t, entry) } };
    // Only what the reader may change offers Edit and Delete.
    if (entry.type === "interaction" && entry.changeable) {
      block.accessory = {
        type: "overflow",
        action_id: ACTIONS.interactionMenu,
        options: (
          [
            ["edit", "customer.edit"],
            ["delete", "customer.delete"],
          ] as const
        ).map(([a, key]) => ({
          text: { type: "plain_text", text: shorten(t(key), 75) },
          value: encode(MenuChoiceSchema, { a, i: entry.id }),
        })),
      };
    }
    blocks.push(block);
  }
  const shownTo = Math.min(input.offset + input.entries.length, input.total);
  blocks.push({
    type: "context",
    elements: [
      {
        type: "mrkdwn",
        text: t("customer.showing", { from: input.total ? input.offset + 1 : 0, to: shownTo, total: input.total }),
      },
    ],
  });
  const pager = [];
  if (input.offset > 0) {
    pager.push({
      type: "button" as const,
      action_id: `${ACTIONS.timelinePage}_newer`,
      text: { type: "plain_text" as const, text: t("customer.newer") },
      value: encode(TimelinePageSchema, { c: customer.id, o: Math.max(0, input.offset - TIMELINE_PAGE_SIZE) }),
    });
  }
  if (shownTo < input.total) {
    pager.push({
      type: "button" as const,
      action_id: `${ACTIONS.timelinePage}_older`,
      text: { type: "plain_text" as const, text: t("customer.older") },
      value: encode(TimelinePageSchema, { c: customer.id, o: input.offset + TIMELINE_PAGE_SIZE }),
    });
  }
  if (pager.length) blocks.push({ type: "actions", elements: pager });
  return { text: mrkdwnText(customer.name, 200).text, blocks };
}

/** Several customers answer to that name: the person picks one. */
export function buildCustomerList(
  t: Translate,
  typed: string,
  customers: Customer[],
  heading: "several" | "didYouMean" = "several",
): { text: string; blocks: KnownBlock[] } {
  const lines = customers.map(
    (c) =>
      `• ${escapeMrkdwn(c.name)}${c.email ? ` (${escapeMrkdwn(c.email)})` : ""}${c.externalId ? ` #${escapeMrkdwn(c.externalId)}` : ""}`,
  );
  const name = escapeMrkdwn(typed);
  const text = heading === "several" ? t("customer.several", { name }) : t("customer.didYouMean", { name });
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text: `${text}\n${lines.join("\n")}` } }] };
}
