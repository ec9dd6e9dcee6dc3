import type { KnownBlock } from "@slack/types";
import type { Absence } from "../../domain/absences/absence.types.js";
import type { HomeAbsence } from "../../domain/reports/home.service.js";
import { formatDay, type Translate } from "../../i18n/i18n.js";
import { verbatim } from "../../i18n/verbatim.js";
import { fitMrkdwn, mrkdwnText } from "../mrkdwn.js";
import { count } from "./report-format.js";

/** One absence: who, from when to when, its note, its cover, and what the covers hold of theirs. */
export function absenceLine(t: Translate, a: HomeAbsence): string {
  const line = t("away.listLine", {
    person: verbatim(`<@${a.slackUserId}>`),
    from: formatDay(t, a.startsOn),
    to: formatDay(t, a.endsOn),
  });
  const cover = a.coverSlackUserId ? ` · ${t("away.coveredBy", { person: verbatim(`<@${a.coverSlackUserId}>`) })}` : "";
  const holds = (a.holds ?? []).map(
    (h) => ` · ${t("away.coverHolds", { person: verbatim(`<@${h.slackUserId}>`), number: count(t, h.followUps) })}`,
  );
  return (a.note ? `${line} · ${mrkdwnText(a.note, 200)}` : line) + cover + holds.join("");
}

/** Who is away, today and later, soonest first (or who was, latest first), with each absence's note. */
export function buildAbsenceList(
  t: Translate,
  absences: Array<Absence & { slackUserId: string; coverSlackUserId?: string | null }>,
  when: "upcoming" | "past" = "upcoming",
): { text: string; blocks: KnownBlock[] } {
  const lines = absences.map((a) => absenceLine(t, a));
  const [title, none] = when === "past" ? ["away.pastTitle", "away.nobodyPast"] : ["away.listTitle", "away.nobody"];
  const text = [t(title), ...(lines.length ? lines : [t(none)])].join("\n");
  return {
    text: t(title),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: fitMrkdwn(text, 3_000) } }],
  };
}
