import type { KnownBlock } from "@slack/types";
import type { Absence } from "../../domain/absences/absence.types.js";
import { formatDay, type Translate } from "../../i18n/i18n.js";
import { verbatim } from "../../i18n/verbatim.js";
import { fitMrkdwn, mrkdwnText } from "../mrkdwn.js";

/** Who is away, today and later, soonest first, with each absence's note. */
export function buildAbsenceList(
  t: Translate,
  absences: Array<Absence & { slackUserId: string }>,
): { text: string; blocks: KnownBlock[] } {
  const lines = absences.map((a) => {
    const line = t("away.listLine", {
      person: verbatim(`<@${a.slackUserId}>`),
      from: formatDay(t, a.startsOn),
      to: formatDay(t, a.endsOn),
    });
    return a.note ? `${line} · ${mrkdwnText(a.note, 200)}` : line;
  });
  const text = [t("away.listTitle"), ...(lines.length ? lines : [t("away.nobody")])].join("\n");
  return {
    text: t("away.listTitle"),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: fitMrkdwn(text, 3_000) } }],
  };
}
