import type { KnownBlock, ModalView } from "@slack/types";
import type { Interaction } from "../../domain/interactions/interaction.types.js";
import type { ReasonCategory } from "../../domain/reasons/reason.types.js";
import type { Translate } from "../../i18n/i18n.js";
import { BLOCK_IDS, CALLBACKS, inputAction } from "../ids.js";
import { escapeMrkdwn, shorten } from "../mrkdwn.js";
import { encode, RootCauseMetadataSchema } from "../payloads.js";
import { reasonName, reasonOptions } from "./reasons.view.js";

const plain = (text: string) => ({ type: "plain_text" as const, text });

/** A root cause note is kept this long. */
export const ROOT_CAUSE_NOTE_MAX = 1_000;

/**
 * What was really behind a complaint: a category (the one it was filed under at first, unless
 * a root cause was recorded already) and a note; both optional.
 */
export function rootCauseBlocks(
  t: Translate,
  categories: ReasonCategory[],
  complaint: Pick<Interaction, "reasonCategoryId" | "rootCauseCategoryId" | "rootCauseNote">,
): KnownBlock[] {
  const current = complaint.rootCauseCategoryId ?? complaint.reasonCategoryId;
  const options = reasonOptions(t, categories, complaint.rootCauseCategoryId);
  const initial = options.find((o) => o.value === current);
  return [
    ...(options.length
      ? [
          {
            type: "input" as const,
            block_id: BLOCK_IDS.rootCause,
            optional: true,
            label: plain(t("rootCause.category")),
            hint: plain(t("rootCause.categoryHint")),
            element: {
              type: "static_select" as const,
              action_id: inputAction(BLOCK_IDS.rootCause),
              options,
              ...(initial ? { initial_option: initial } : {}),
            },
          },
        ]
      : []),
    {
      type: "input",
      block_id: BLOCK_IDS.rootCauseNote,
      optional: true,
      label: plain(t("rootCause.note")),
      element: {
        type: "plain_text_input",
        action_id: inputAction(BLOCK_IDS.rootCauseNote),
        multiline: true,
        max_length: ROOT_CAUSE_NOTE_MAX,
        ...(complaint.rootCauseNote ? { initial_value: complaint.rootCauseNote.slice(0, ROOT_CAUSE_NOTE_MAX) } : {}),
      },
    },
  ];
}

/** Resolving a complaint (no escalation id), or the root cause of its decided escalation. */
export function buildRootCauseForm(
  t: Translate,
  complaint: Interaction,
  categories: ReasonCategory[],
  escalationId?: string,
  channelId?: string,
): ModalView {
  const resolving = !escalationId;
  const filed = categories.find((c) => c.id === complaint.reasonCategoryId);
  return {
    type: "modal",
    callback_id: CALLBACKS.rootCauseForm,
    private_metadata: encode(RootCauseMetadataSchema, {
      i: complaint.id,
      ...(escalationId ? { e: escalationId } : {}),
      ...(channelId ? { channelId } : {}),
    }),
    title: plain(shorten(t(resolving ? "rootCause.resolveTitle" : "rootCause.title"), 24)),
    submit: plain(shorten(t(resolving ? "rootCause.resolve" : "rootCause.save"), 24)),
    close: plain(shorten(t("form.cancel"), 24)),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: filed
            ? t("rootCause.introFiled", {
                customer: escapeMrkdwn(complaint.customerName),
                name: escapeMrkdwn(reasonName(t, filed)),
              })
            : t("rootCause.intro", { customer: escapeMrkdwn(complaint.customerName) }),
        },
      },
      ...rootCauseBlocks(t, categories, complaint),
    ],
  };
}
