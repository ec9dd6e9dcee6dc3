import type { KnownBlock } from "@slack/types";
import type { Interaction } from "../../domain/interactions/interaction.types.js";
import type { Translate } from "../../i18n/i18n.js";
import { slackDate } from "../format.js";
import { ACTIONS } from "../ids.js";
import { mrkdwnText, shorten } from "../mrkdwn.js";
import { encode, InteractionRefSchema } from "../payloads.js";

/** A call's length as m:ss (h:mm:ss past an hour). */
export function callLength(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** To the agent: another system logged a call for them; one click opens it to add what it was about. */
export function buildPendingCallDm(
  t: Translate,
  interaction: Interaction,
  call: { source: string; durationSeconds: number | null },
): { text: string; blocks: KnownBlock[] } {
  const text = t("pendingCall.logged", {
    source: mrkdwnText(call.source, 40),
    customer: mrkdwnText(interaction.customerName, 80),
    at: slackDate(interaction.occurredAt),
    length: call.durationSeconds ? callLength(call.durationSeconds) : "–",
  });
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            style: "primary",
            action_id: ACTIONS.edit,
            text: { type: "plain_text", text: shorten(t("pendingCall.complete"), 75) },
            value: encode(InteractionRefSchema, { i: interaction.id }),
          },
        ],
      },
    ],
  };
}
