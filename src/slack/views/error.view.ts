import type { KnownBlock } from "@slack/types";
import { clip } from "../../domain/text.js";
import type { Translate } from "../../i18n/i18n.js";
import { fitMrkdwn } from "../mrkdwn.js";

/** The short message a person sees when their request failed; it gives back what they typed. */
export function buildErrorMessage(text: string, t: Translate, typed?: string) {
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: fitMrkdwn(text, 3_000) } }];
  if (typed) {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: t("errors.youTyped") }] });
    // A rich_text preformatted block shows the text verbatim: no mrkdwn, no mentions.
    blocks.push({
      type: "rich_text",
      elements: [{ type: "rich_text_preformatted", elements: [{ type: "text", text: clip(typed, 2_900) }] }],
    });
  }
  return { text, blocks };
}
