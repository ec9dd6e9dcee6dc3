import type { ModalView } from "@slack/types";
import type { Translate } from "../../i18n/i18n.js";
import { BLOCK_IDS, inputAction } from "../ids.js";
import { shorten } from "../mrkdwn.js";

const plain = (text: string) => ({ type: "plain_text" as const, text });

/** A modal that asks whom to hand something to (an escalation, a follow-up). */
export function buildAssigneeForm(
  t: Translate,
  form: {
    callbackId: string;
    privateMetadata: string;
    titleKey: string;
    submitKey: string;
    /** When nobody needs to be chosen: the hint saying what happens then. */
    optionalHintKey?: string;
  },
): ModalView {
  return {
    type: "modal",
    callback_id: form.callbackId,
    private_metadata: form.privateMetadata,
    title: plain(shorten(t(form.titleKey), 24)),
    submit: plain(shorten(t(form.submitKey), 24)),
    close: plain(shorten(t("form.cancel"), 24)),
    blocks: [
      {
        type: "input",
        block_id: BLOCK_IDS.assignee,
        label: plain(t("escalation.assignee")),
        element: { type: "users_select", action_id: inputAction(BLOCK_IDS.assignee) },
        ...(form.optionalHintKey ? { optional: true, hint: plain(shorten(t(form.optionalHintKey), 2_000)) } : {}),
      },
    ],
  };
}
