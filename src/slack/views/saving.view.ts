import type { ModalView } from "@slack/types";
import type { Translate } from "../../i18n/i18n.js";
import { shorten } from "../mrkdwn.js";

/** What a form shows while its work takes longer than Slack waits for an answer; the result follows. */
export function buildSavingView(t: Translate, text = t("form.stillSaving")): ModalView {
  return {
    type: "modal",
    title: { type: "plain_text", text: shorten(t("form.savingTitle"), 24) },
    close: { type: "plain_text", text: shorten(t("form.close"), 24) },
    blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
  };
}
