import type { KnownBlock } from "@slack/types";
import { CHANNELS, KINDS } from "../../domain/interactions/vocabulary.js";
import type { Digest } from "../../domain/reports/digest.types.js";
import type { EscalationFigures } from "../../domain/reports/report.types.js";
import { METRIC_RULES, type TargetProgress } from "../../domain/reports/targets.js";
import type { Translate } from "../../i18n/i18n.js";
import { verbatim } from "../../i18n/verbatim.js";
import { KIND_COLOURS } from "../charts/weekly-kinds.chart.js";
import { mention, slackDate } from "../format.js";
import { escapeMrkdwn, fitMrkdwn, mrkdwnText, plainText, shorten } from "../mrkdwn.js";
import { complaintReasonLines, recoveryLine, recoveryShare } from "./complaint-report.js";
import { change, count, hours, percentOf, share } from "./report-format.js";

/** Teams listed by name before the rest are summed up as "and N more". */
const TEAMS_LISTED = 10;

export interface DigestExtras {
  /** The chart, uploaded to Slack. */
  chartFileId?: string;
  /** Sent well after its time. */
  late?: { dueAt: Date };
}

const mrkdwn = (text: string) => ({ type: "mrkdwn" as const, text: fitMrkdwn(text, 2_000) });
const section = (text: string): KnownBlock => ({
  type: "section",
  text: { type: "mrkdwn", text: fitMrkdwn(text, 3_000) },
});
const fields = (items: string[]): KnownBlock => ({ type: "section", fields: items.slice(0, 10).map(mrkdwn) });

/** Of the escalations whose claim deadline fell in the period: the share answered, and decided, in time. */
export function deadlinesMet(t: Translate, e: EscalationFigures): string {
  return t("digest.deadlinesMet", {
    claimed: share(t, percentOf(e.deadlinesDue - e.breaches, e.deadlinesDue)),
    decided: share(t, percentOf(e.decidedOnTime, e.deadlinesDue)),
    number: count(t, e.deadlinesDue),
  });
}

export function targetLine(t: Translate, target: TargetProgress): string {
  const unit = METRIC_RULES[target.metric].unit;
  const show = (v: number | null) => (unit === "percent" ? share(t, v) : hours(t, v));
  const mark = target.met === undefined ? "⚪" : target.met ? "✅" : "🔸";
  return `${mark} ${t(`target.metric.${target.metric}`)}: ${target.actual === null ? t("target.noActual") : show(target.actual)} · ${t("target.aim", { value: show(target.value) })}`;
}

/** The weekly digest (or one on demand): pure, within Slack's 50 blocks whatever the size of the workspace. */
export function buildDigestMessage(
  t: Translate,
  digest: Digest,
  extras: DigestExtras = {},
): { text: string; blocks: KnownBlock[] } {
  const { figures: f, period } = digest;
  const title = digest.team
    ? t("digest.titleTeam", { team: digest.team.name, period: period.label })
    : t("digest.title", { period: period.label });
  const lastInstant = new Date(period.to.getTime() - 1);
  const context: string[] = [
    t("digest.span", { from: slackDate(period.from, "date"), to: slackDate(lastInstant, "date") }),
  ];
  if (period.partial) context.push(t("digest.soFar"));
  if (extras.late) context.push(t("digest.late", { due: slackDate(extras.late.dueAt) }));
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: plainText(title, 150) } },
    { type: "context", elements: context.map(mrkdwn) },
  ];
  if (digest.quiet) {
    blocks.push(section(t("digest.quiet")));
    return { text: title, blocks };
  }
  const v = f.volume;
  const was = f.previousVolume;
  blocks.push(
    section(t("digest.interactions", { number: count(t, v.total), change: change(t, v.total, was.total) })),
    fields(
      KINDS.map(
        (k) => `${t(`kind.${k}`)}: *${count(t, v.byKind[k] ?? 0)}* ${change(t, v.byKind[k] ?? 0, was.byKind[k] ?? 0)}`,
      ),
    ),
    fields(
      CHANNELS.map(
        (c) =>
          `${t(`channel.${c}`)}: *${count(t, v.byChannel[c] ?? 0)}* ${change(t, v.byChannel[c] ?? 0, was.byChannel[c] ?? 0)}`,
      ),
    ),
    section(
      [
        t("digest.complaints", { number: count(t, v.complaints), change: change(t, v.complaints, was.complaints) }),
        f.topReasons.length > 0
          ? t("digest.topReasons", {
              reasons: verbatim(
                f.topReasons.map((r) => `${mrkdwnText(r.reason, 80)} (${count(t, r.count)})`).join(", "),
              ),
            })
          : "",
        ...complaintReasonLines(t, f.reasonCategories, f.rootCauses),
        recoveryLine(t, f.recovery),
      ]
        .filter(Boolean)
        .join("\n"),
    ),
    { type: "divider" },
    section(t("digest.escalations")),
    fields([
      t("digest.opened", { number: count(t, f.escalations.opened) }),
      t("digest.decided", { number: count(t, f.escalations.decided) }),
      t("digest.medianDecision", { time: hours(t, f.escalations.medianDecisionHours) }),
      t("digest.breaches", { number: count(t, f.escalations.breaches) }),
      ...(f.escalations.deadlinesDue > 0 ? [deadlinesMet(t, f.escalations)] : []),
    ]),
    section(t("digest.followUps")),
    fields([
      t("digest.due", { number: count(t, f.followUps.due) }),
      t("digest.onTime", {
        number: count(t, f.followUps.onTime),
        share: share(t, percentOf(f.followUps.onTime, f.followUps.due)),
      }),
      t("digest.doneLate", { number: count(t, f.followUps.late) }),
      t("digest.stillOpen", { number: count(t, f.followUps.open) }),
      ...(f.followUps.byCover > 0 ? [t("digest.byCover", { number: count(t, f.followUps.byCover) })] : []),
    ]),
    section(t("digest.retention")),
    fields([
      t("digest.lapsed", { number: count(t, f.retention.lapsed) }),
      t("digest.atRisk", { number: count(t, f.retention.atRisk) }),
      t("digest.wonBack", { number: count(t, f.retention.wonBack) }),
    ]),
  );
  if (digest.targets.length > 0) {
    blocks.push(
      { type: "divider" },
      section([t("digest.targets"), ...digest.targets.map((x) => targetLine(t, x))].join("\n")),
    );
  }
  if (digest.teams.length > 0) {
    const listed = [...digest.teams].sort((a, b) => b.interactions - a.interactions).slice(0, TEAMS_LISTED);
    const lines = listed.map(
      (team) =>
        t("digest.teamLine", {
          team: escapeMrkdwn(team.name),
          number: count(t, team.interactions),
          change: change(t, team.interactions, team.previousInteractions),
          complaints: count(t, team.complaints),
          onTime: share(t, percentOf(team.followUpsOnTime, team.followUpsDue)),
        }) +
        (team.deadlinesDue > 0
          ? ` · ${t("digest.teamDeadlines", { share: share(t, percentOf(team.deadlinesMet, team.deadlinesDue)) })}`
          : "") +
        (team.recovery.current.judged > 0 ? ` · ${recoveryShare(t, team.recovery.current)}` : ""),
    );
    if (digest.teams.length > TEAMS_LISTED)
      lines.push(t("digest.more", { number: count(t, digest.teams.length - TEAMS_LISTED) }));
    blocks.push({ type: "divider" }, section([t("digest.teams"), ...lines].join("\n")));
  }
  const people: string[] = [];
  if (digest.improved.length > 0)
    people.push(
      t("digest.improved", {
        people: verbatim(
          digest.improved
            .map((p) => `${mention(p.slackUserId)} (${change(t, p.interactions, p.previousInteractions)})`)
            .join(", "),
        ),
      }),
    );
  if (digest.support.length > 0) {
    people.push(
      t("digest.support", {
        people: verbatim(
          digest.support
            .map((p) => `${mention(p.slackUserId)} (${t("digest.overdue", { number: count(t, p.overdueNow) })})`)
            .join(", "),
        ),
      }),
    );
    if (digest.moreSupport > 0) people.push(t("digest.more", { number: count(t, digest.moreSupport) }));
  }
  if (people.length > 0) blocks.push(section(people.join("\n")));
  if (extras.chartFileId) {
    blocks.push(
      {
        type: "image",
        slack_file: { id: extras.chartFileId },
        alt_text: shorten(t("digest.chartAlt", { weeks: digest.weeks.length }), 2_000),
        title: { type: "plain_text", text: shorten(t("digest.chartTitle"), 2_000) },
      },
      {
        type: "context",
        elements: [mrkdwn(KINDS.map((k) => `${KIND_COLOURS[k].square} ${t(`kind.${k}`)}`).join("   "))],
      },
    );
  }
  return { text: title, blocks };
}
