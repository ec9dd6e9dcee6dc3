import type { KnownBlock } from "@slack/types";
import type { Absence } from "../../domain/absences/absence.types.js";
import { formatDay, type Translate } from "../../i18n/i18n.js";
import { verbatim } from "../../i18n/verbatim.js";
import { fitMrkdwn, mrkdwnText } from "../mrkdwn.js";

/** One absence: who, from when to when, and its note. */
export function absenceLine(
  t: Translate,
  a: Absence & { slackUserId: string; coverSlackUserId?: string | null },
): string {
  const line = t("away.listLine", {
    person: verbatim(`<@${a.slackUserId}>`),
    from: formatDay(t, a.startsOn),
    to: formatDay(t, a.endsOn),
  });
  const cover = a.coverSlackUserId ? ` · ${t("away.coveredBy", { person: verbatim(`<@${a.coverSlackUserId}>`) })}` : "";
  return (a.note ? `${line} · ${mrkdwnText(a.note, 200)}` : line) + cover;
}

/** Who is away, today and later, soonest first, with each absence's note. */
export function buildAbsenceList(
  t: Translate,
  absences: Array<Absence & { slackUserId: string; coverSlackUserId?: string | null }>,
): { text: string; blocks: KnownBlock[] } {
  const lines = absences.map((a) => absenceLine(t, a));
  const text = [t("away.listTitle"), ...(lines.length ? lines : [t("away.nobody")])].join("\n");
  return {
    text: t("away.listTitle"),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: fitMrkdwn(text, 3_000) } }],
  };
}
