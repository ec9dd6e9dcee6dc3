import type { ModalView } from "@slack/types";
import { FOLLOW_UP_MAX_DAYS } from "../../domain/interactions/interaction.limits.js";
import type { Interaction } from "../../domain/interactions/interaction.types.js";
import type { Translate } from "../../i18n/i18n.js";
import { BLOCK_IDS, CALLBACKS, inputAction } from "../ids.js";
import { escapeMrkdwn, shorten } from "../mrkdwn.js";
import { encode, FollowUpMetadataSchema } from "../payloads.js";

const plain = (text: string) => ({ type: "plain_text" as const, text });

/** "Add follow-up" on a logged interaction: in how many days, and why. */
export function buildFollowUpForm(t: Translate, interaction: Interaction, channelId?: string): ModalView {
  return {
    type: "modal",
    callback_id: CALLBACKS.followUpForm,
    private_metadata: encode(FollowUpMetadataSchema, { i: interaction.id, ...(channelId ? { channelId } : {}) }),
    title: plain(shorten(t("followUp.title"), 24)),
    submit: plain(shorten(t("followUp.submit"), 24)),
    close: plain(shorten(t("form.cancel"), 24)),
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: t("followUp.for", { customer: escapeMrkdwn(interaction.customerName) }) },
      },
      {
        type: "input",
        block_id: BLOCK_IDS.followUpDays,
        label: plain(t("followUp.inDays")),
        element: {
          type: "number_input",
          action_id: inputAction(BLOCK_IDS.followUpDays),
          is_decimal_allowed: false,
          min_value: "1",
          max_value: String(FOLLOW_UP_MAX_DAYS),
          initial_value: "3",
        },
      },
      {
        type: "input",
        block_id: BLOCK_IDS.followUpNote,
        label: plain(t("followUp.note")),
        element: {
          type: "plain_text_input",
          action_id: inputAction(BLOCK_IDS.followUpNote),
          max_length: 500,
          initial_value: shorten(interaction.summary, 500),
        },
      },
    ],
  };
}
