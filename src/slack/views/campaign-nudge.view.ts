import type { KnownBlock } from "@slack/types";
import type { Outreach } from "../../domain/campaigns/campaign.types.js";
import type { Translate } from "../../i18n/i18n.js";
import { slackDate } from "../format.js";
import { ACTIONS, BLOCK_IDS } from "../ids.js";
import { escapeMrkdwn, quoteText, shorten } from "../mrkdwn.js";
import { encode, OutreachRefSchema } from "../payloads.js";

const RESPONSE_KEYS = {
  contacted: "campaign.youContacted",
  accepted: "campaign.youAccepted",
  declined: "campaign.youDeclined",
} as const;

/** A customer handed to its owner in a win-back campaign: who, the offer, and how it went. */
export function buildCampaignNudge(t: Translate, o: Outreach): { text: string; blocks: KnownBlock[] } {
  const text = t("campaign.nudge", {
    customer: escapeMrkdwn(o.customer.name),
    campaign: escapeMrkdwn(o.campaign.name),
  });
  const value = encode(OutreachRefSchema, { o: o.id });
  const button = (actionId: string, label: string, style?: "primary" | "danger") => ({
    type: "button" as const,
    action_id: actionId,
    text: { type: "plain_text" as const, text: shorten(label, 75) },
    value,
    ...(style ? { style } : {}),
  });
  const buttons = o.response
    ? o.response === "contacted"
      ? [
          button(ACTIONS.outreachAccepted, t("campaign.markAccepted"), "primary"),
          button(ACTIONS.outreachDeclined, t("campaign.markDeclined")),
        ]
      : []
    : [
        button(ACTIONS.outreachContacted, t("campaign.markContacted"), "primary"),
        button(ACTIONS.outreachAccepted, t("campaign.markAccepted")),
        button(ACTIONS.outreachDeclined, t("campaign.markDeclined")),
      ];
  return {
    text,
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `${text}\n${quoteText(o.campaign.offer, 2_000, "> ")}`,
        },
      },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: o.response
              ? t(RESPONSE_KEYS[o.response])
              : t("campaign.until", { date: slackDate(o.campaign.endsAt, "date") }),
          },
        ],
      },
      ...(buttons.length ? [{ type: "actions" as const, block_id: BLOCK_IDS.outreachActions, elements: buttons }] : []),
    ],
  };
}
