import type { ModalView, PlainTextOption } from "@slack/types";
import { SEGMENTS, type Segment } from "../../domain/campaigns/campaign.types.js";
import type { Translate } from "../../i18n/i18n.js";
import { BLOCK_IDS, CALLBACKS, inputAction } from "../ids.js";
import { shorten } from "../mrkdwn.js";
import { CampaignFormMetadataSchema, encode } from "../payloads.js";

const plain = (text: string) => ({ type: "plain_text" as const, text });

export const SEGMENT_KEYS: Record<Segment, string> = {
  lapsed: "campaign.segmentLapsed",
  at_risk: "campaign.segmentAtRisk",
  tag: "campaign.segmentTag",
  team: "campaign.segmentTeam",
};

/** A manager starts a win-back campaign: name, offer, who, and when. */
export function buildCampaignForm(
  t: Translate,
  input: { teams: Array<{ id: string; name: string }>; today: string; inAMonth: string; timeZone: string },
): ModalView {
  const segmentOptions: PlainTextOption[] = SEGMENTS.filter((s) => s !== "team" || input.teams.length > 0).map((s) => ({
    text: plain(t(SEGMENT_KEYS[s])),
    value: s,
  }));
  const input_ = (blockId: string, label: string, element: Record<string, unknown>, optional = false) => ({
    type: "input" as const,
    block_id: blockId,
    optional,
    label: plain(label),
    element: { action_id: inputAction(blockId), ...element },
  });
  return {
    type: "modal",
    callback_id: CALLBACKS.campaignForm,
    private_metadata: encode(CampaignFormMetadataSchema, { tz: input.timeZone }),
    title: plain(shorten(t("campaign.formTitle"), 24)),
    submit: plain(shorten(t("campaign.submit"), 24)),
    close: plain(shorten(t("form.cancel"), 24)),
    blocks: [
      input_(BLOCK_IDS.campaignName, t("campaign.name"), { type: "plain_text_input", max_length: 80 }),
      input_(BLOCK_IDS.campaignOffer, t("campaign.offer"), {
        type: "plain_text_input",
        multiline: true,
        max_length: 1000,
      }),
      input_(BLOCK_IDS.campaignSegment, t("campaign.segment"), {
        type: "static_select",
        options: segmentOptions,
        initial_option: segmentOptions[0],
      }),
      input_(BLOCK_IDS.campaignTag, t("campaign.tag"), { type: "plain_text_input", max_length: 40 }, true),
      ...(input.teams.length
        ? [
            input_(
              BLOCK_IDS.campaignTeam,
              t("campaign.team"),
              {
                type: "static_select",
                options: input.teams.slice(0, 100).map((team) => ({
                  text: plain(shorten(team.name, 75)),
                  value: team.id,
                })),
              },
              true,
            ),
          ]
        : []),
      input_(BLOCK_IDS.campaignStarts, t("campaign.starts"), { type: "datepicker", initial_date: input.today }),
      input_(BLOCK_IDS.campaignEnds, t("campaign.ends"), { type: "datepicker", initial_date: input.inAMonth }),
    ],
  } as ModalView;
}
