import type { KnownBlock } from "@slack/types";
import type { AwayHint } from "../../domain/absences/away-status.js";
import { formatDay, type Translate } from "../../i18n/i18n.js";
import { ACTIONS } from "../ids.js";
import { mrkdwnText, shorten } from "../mrkdwn.js";
import { AwayHintSchema, encode } from "../payloads.js";

/** The question when someone's Slack status says they are away: mark them, or leave it. */
export function buildAwayHint(t: Translate, hint: AwayHint): { text: string; blocks: KnownBlock[] } {
  const days = { from: formatDay(t, hint.startsOn), to: formatDay(t, hint.endsOn) };
  const text = hint.untilKnown
    ? t("awayHint.question", { status: mrkdwnText(hint.shown, 150), ...days })
    : t("awayHint.questionToday", { status: mrkdwnText(hint.shown, 150), ...days });
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: ACTIONS.awayHintAccept,
            style: "primary",
            text: { type: "plain_text", text: shorten(t("awayHint.accept"), 75) },
            value: encode(AwayHintSchema, { s: hint.startsOn, e: hint.endsOn }),
          },
          {
            type: "button",
            action_id: ACTIONS.awayHintDismiss,
            text: { type: "plain_text", text: shorten(t("awayHint.dismiss"), 75) },
          },
        ],
      },
    ],
  };
}
