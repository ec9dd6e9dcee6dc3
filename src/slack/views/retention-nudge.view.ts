import type { KnownBlock } from "@slack/types";
import type { DefaultReason } from "../../domain/reasons/reason.types.js";
import type { ConditionRow } from "../../domain/retention/retention.repository.js";
import type { Reason } from "../../domain/retention/retention.rules.js";
import type { Translate } from "../../i18n/i18n.js";
import { slackDate } from "../format.js";
import { ACTIONS } from "../ids.js";
import { escapeMrkdwn } from "../mrkdwn.js";
import { ConditionRefSchema, encode } from "../payloads.js";
import { reasonName } from "./reasons.view.js";

const CONDITION_KEYS = { lapsed: "retention.lapsed", at_risk: "retention.atRisk" } as const;
const SETTLED_KEYS = {
  offer: "retention.offerLogged",
  snoozed: "retention.snoozed",
  churned: "retention.churnedDone",
} as const;

function reasonText(t: Translate, reason: Reason): string {
  switch (reason.code) {
    case "silentDays":
      return t("retention.reasonSilent", { count: reason.days });
    case "complaints":
      return reason.category
        ? t("retention.reasonComplaintsAbout", {
            count: reason.count,
            days: reason.windowDays,
            category: escapeMrkdwn(
              reasonName(t, { key: reason.category.key as DefaultReason | null, name: reason.category.name }),
            ),
          })
        : t("retention.reasonComplaints", { count: reason.count, days: reason.windowDays });
    case "openEscalations":
      return t("retention.reasonEscalations", { count: reason.count });
    case "negativeSentiment":
      return t("retention.reasonNegative");
  }
}

/** A customer crossed a threshold: who, the score, every reason behind it, and what to do. */
export function buildRetentionNudge(
  t: Translate,
  row: ConditionRow,
  settled?: { how: keyof typeof SETTLED_KEYS; until?: Date },
): { text: string; blocks: KnownBlock[] } {
  const headline = t("retention.headline", {
    customer: escapeMrkdwn(row.customerName),
    condition: t(CONDITION_KEYS[row.condition]),
    score: row.score,
  });
  const reasons = row.reasons.map((r) => `• ${reasonText(t, r)}`).join("\n");
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: `${headline}\n${reasons}` } }];
  if (settled) {
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: t(SETTLED_KEYS[settled.how], { date: settled.until ? slackDate(settled.until, "date") : "" }),
        },
      ],
    });
    return { text: headline, blocks };
  }
  const value = encode(ConditionRefSchema, { c: row.id });
  const button = (action: string, key: string, style?: "primary" | "danger") => ({
    type: "button" as const,
    action_id: action,
    value,
    text: { type: "plain_text" as const, text: t(key) },
    ...(style ? { style } : {}),
  });
  blocks.push({
    type: "actions",
    elements: [
      button(ACTIONS.retentionOutreach, "retention.logOutreach", "primary"),
      button(ACTIONS.retentionOffer, "retention.sendOffer"),
      button(ACTIONS.retentionSnooze, "retention.snooze"),
      button(ACTIONS.retentionChurned, "retention.markChurned", "danger"),
    ],
  });
  return { text: headline, blocks };
}
