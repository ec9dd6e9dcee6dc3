import type { KnownBlock } from "@slack/types";
import type { Campaign, CampaignProgress } from "../../domain/campaigns/campaign.types.js";
import { formatNumber, type Translate } from "../../i18n/i18n.js";
import { slackDate } from "../format.js";
import { ACTIONS } from "../ids.js";
import { escapeMrkdwn, plainText, quoteText } from "../mrkdwn.js";
import { CampaignRefSchema, encode } from "../payloads.js";
import { SEGMENT_KEYS } from "./campaign-form.view.js";

/** The manager's view of a campaign, updated in place as it goes. */
export function buildCampaignProgress(
  t: Translate,
  campaign: Campaign,
  p: CampaignProgress,
  now: Date,
): { text: string; blocks: KnownBlock[] } {
  const n = (value: number) => formatNumber(t, value);
  const who =
    campaign.segment === "tag"
      ? `${t(SEGMENT_KEYS.tag)}: ${escapeMrkdwn(campaign.tag ?? "")}`
      : campaign.segment === "team"
        ? `${t(SEGMENT_KEYS.team)}: ${escapeMrkdwn(campaign.teamName ?? "")}`
        : t(SEGMENT_KEYS[campaign.segment]);
  const state = campaign.endedAt
    ? t("campaign.stateEnded", { date: slackDate(campaign.endedAt, "date") })
    : campaign.startsAt > now
      ? t("campaign.stateScheduled", { date: slackDate(campaign.startsAt, "date") })
      : t("campaign.stateRunning", { date: slackDate(campaign.endsAt, "date") });
  const field = (text: string) => ({ type: "mrkdwn" as const, text });
  const title = t("campaign.progressTitle", { name: campaign.name });
  return {
    text: title,
    blocks: [
      { type: "header", text: { type: "plain_text", text: plainText(title, 150) } },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `${state}\n${t("campaign.who", { who })}\n${quoteText(campaign.offer, 2_000, "> ")}`,
        },
      },
      {
        type: "section",
        fields: [
          field(t("campaign.handedOut", { done: n(p.handedOut), total: n(p.total) })),
          field(t("campaign.waiting", { number: n(p.waiting) })),
          field(t("campaign.contacted", { number: n(p.contacted) })),
          field(t("campaign.accepted", { number: n(p.accepted) })),
          field(t("campaign.declined", { number: n(p.declined) })),
          field(t("campaign.wonBack", { number: n(p.wonBack) })),
        ],
      },
      ...(p.skipped || p.expired
        ? [
            {
              type: "context" as const,
              elements: [field(t("campaign.leftOut", { number: n(p.skipped + p.expired) }))],
            },
          ]
        : []),
      ...(campaign.endedAt
        ? []
        : [
            {
              type: "actions" as const,
              elements: [
                {
                  type: "button" as const,
                  action_id: ACTIONS.campaignStop,
                  text: { type: "plain_text" as const, text: t("campaign.stop") },
                  value: encode(CampaignRefSchema, { c: campaign.id }),
                  confirm: {
                    title: { type: "plain_text" as const, text: t("campaign.stopTitle") },
                    text: { type: "plain_text" as const, text: t("campaign.stopConfirm") },
                    confirm: { type: "plain_text" as const, text: t("campaign.stop") },
                    deny: { type: "plain_text" as const, text: t("form.cancel") },
                  },
                },
              ],
            },
          ]),
    ],
  };
}
