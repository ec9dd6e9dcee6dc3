import type { KnownBlock } from "@slack/types";
import { formatDay, type Translate } from "../../i18n/i18n.js";
import { mention } from "../format.js";

/** "Covering for @Ana, away until 2 Jan 2027": why someone else's work came to the reader. */
export function coveringText(t: Translate, ownerSlackId: string, awayUntil: string): string {
  return t("followUpDm.covering", { person: mention(ownerSlackId), date: formatDay(t, awayUntil) });
}

/** A message with that line on top, as a context block. */
export function withCoveringLine<M extends { text: string; blocks: KnownBlock[] }>(
  t: Translate,
  message: M,
  ownerSlackId: string,
  awayUntil: string,
): M {
  const line: KnownBlock = {
    type: "context",
    elements: [{ type: "mrkdwn", text: coveringText(t, ownerSlackId, awayUntil) }],
  };
  return { ...message, blocks: [line, ...message.blocks] };
}
