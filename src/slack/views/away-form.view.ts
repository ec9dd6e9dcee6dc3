import type { ModalView } from "@slack/types";
import type { Absence } from "../../domain/absences/absence.types.js";
import type { Translate } from "../../i18n/i18n.js";
import { BLOCK_IDS, CALLBACKS, inputAction } from "../ids.js";
import { shorten } from "../mrkdwn.js";

const plain = (text: string) => ({ type: "plain_text" as const, text });

/** Mark oneself away from the Home tab: first and last day (their own), a note, who covers. */
export function buildAwayForm(
  t: Translate,
  input: { today: string; current: Absence | null; coverSlackUserId: string | null },
): ModalView {
  const field = (blockId: string, label: string, element: Record<string, unknown>, optional = false) => ({
    type: "input" as const,
    block_id: blockId,
    optional,
    label: plain(shorten(t(label), 2_000)),
    element: { action_id: inputAction(blockId), ...element },
  });
  const { current } = input;
  return {
    type: "modal",
    callback_id: CALLBACKS.awayForm,
    title: plain(shorten(t("awayForm.title"), 24)),
    submit: plain(shorten(t("awayForm.submit"), 24)),
    close: plain(shorten(t("form.cancel"), 24)),
    blocks: [
      field(BLOCK_IDS.awayFrom, "awayForm.from", {
        type: "datepicker",
        initial_date: current && current.startsOn > input.today ? current.startsOn : input.today,
      }),
      field(BLOCK_IDS.awayTo, "awayForm.to", { type: "datepicker", initial_date: current?.endsOn ?? input.today }),
      field(
        BLOCK_IDS.awayNote,
        "awayForm.note",
        {
          type: "plain_text_input",
          max_length: 200,
          ...(current?.note ? { initial_value: current.note.slice(0, 200) } : {}),
        },
        true,
      ),
      {
        ...field(
          BLOCK_IDS.awayCover,
          "awayForm.cover",
          { type: "users_select", ...(input.coverSlackUserId ? { initial_user: input.coverSlackUserId } : {}) },
          true,
        ),
        hint: plain(shorten(t("awayForm.coverHint"), 2_000)),
      },
    ],
  } as ModalView;
}
