import { escalationsCsv, interactionsCsv } from "../../../domain/reports/export-csv.js";
import { isPeriodText } from "../../../domain/reports/report-period.js";
import { afterSelfWord } from "../../../domain/reports/report-words.js";
import { METRICS, metricNamed, parseTargetValue } from "../../../domain/reports/targets.js";
import { uploadDigestChart } from "../../digest-notifier.js";
import { uploadFile } from "../../upload-file.js";
import { buildDigestMessage, targetLine } from "../../views/digest.view.js";
import { buildReviewMessage } from "../../views/review.view.js";
import { dayHours } from "./day-hours.js";
import type { Subcommand, SubcommandInput } from "./subcommand.js";

const say = (input: SubcommandInput, text: string) =>
  input.respond({ response_type: "ephemeral", replace_original: true, text });

const WEEKDAYS: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/**
 * `/rapport digest [week|last|month|2026-W47]`: the digest now, for directors (the
 * workspace) and managers (their team). `digest time mon 08:00` and `digest managers
 * on|off` set the weekly one.
 */
const digest: Subcommand = async (input) => {
  const { person, deps, args } = input;
  const [first = "", ...rest] = args.trim().toLowerCase().split(/\s+/);
  if (first === "time") {
    const day = WEEKDAYS[(rest[0] ?? "").slice(0, 3)];
    const hours = dayHours(`${rest[1] ?? ""}-24:00`);
    if (!day || !hours) return void (await say(input, person.t("digest.timeUsage")));
    await deps.reports.setDigestSchedule(person.member, { digestWeekday: day, digestMinute: hours.start });
    return void (await say(input, person.t("digest.timeSaved", { day: rest[0] ?? "", time: rest[1] ?? "" })));
  }
  if (first === "managers") {
    const on = rest[0] === "on" ? true : rest[0] === "off" ? false : undefined;
    if (on === undefined) return void (await say(input, person.t("digest.managersUsage")));
    await deps.reports.setDigestSchedule(person.member, { digestForManagers: on });
    return void (await say(input, person.t(on ? "digest.managersOn" : "digest.managersOff")));
  }
  await say(input, person.t("digest.building"));
  const built = await deps.reports.digestFor(person.member, args);
  const chartFileId = built.quiet ? undefined : await uploadDigestChart(input.client, built, deps.log);
  await input.respond({
    response_type: "ephemeral",
    replace_original: true,
    ...buildDigestMessage(person.t, built, chartFileId ? { chartFileId } : {}),
  });
};

/** `/rapport review @person [period]`: figures for a one-on-one, beside the team's median. */
const review: Subcommand = async (input) => {
  const { person, deps } = input;
  // `@person [period]`, or `[me] [period]` for oneself.
  const mention = /^<@([UW][A-Z0-9]+)(?:\|([^>]*))?>\s*(.*)$/s.exec(input.args.trim());
  if (!mention && /^<@|@/.test(input.args.trim())) return void (await say(input, person.t("review.usage")));
  const subjectSlackId = mention?.[1] ?? person.member.slackUserId;
  const periodText = mention ? (mention[3] ?? "") : (afterSelfWord(input.args) ?? input.args.trim());
  const subject = await deps.members.findKnown(person.member.workspaceId, subjectSlackId);
  // Someone Slack knows who never used Rapport has no figures yet; that is what to say, not "unknown".
  // Named as typed, not as a mention: the id may be anyone's (another workspace's), and must not ping.
  if (!subject)
    return void (await say(input, person.t("review.noFigures", { person: `@${mention?.[2] || subjectSlackId}` })));
  const result = await deps.reports.review(person.member, subject.id, periodText);
  await input.respond({ response_type: "ephemeral", ...buildReviewMessage(person.t, result) });
};

/** `/rapport target` lists them; `/rapport target <metric> <value>|off` sets one (directors). */
const target: Subcommand = async (input) => {
  const { person, deps } = input;
  const [name = "", value = ""] = input.args.trim().split(/\s+/);
  if (!name) {
    const lines = (await deps.reports.thisWeek(person.member)).targets.map((x) => targetLine(person.t, x));
    return void (await say(
      input,
      [person.t("target.list"), ...(lines.length ? lines : [person.t("target.none")])].join("\n"),
    ));
  }
  const metric = metricNamed(name);
  if (!metric)
    return void (await say(
      input,
      person.t("target.usage", { metrics: METRICS.map((m) => m.replaceAll("_", "-")).join(", ") }),
    ));
  const parsed = value.toLowerCase() === "off" ? null : parseTargetValue(metric, value);
  if (parsed === undefined) return void (await say(input, person.t("target.badValue", { value })));
  await deps.reports.setTarget(person.member, metric, parsed);
  await say(input, parsed === null ? person.t("target.cleared") : person.t("target.saved"));
};

/** `/rapport export [period] [team]`: CSV files of interactions and escalations, to the person's DM. */
const exportCommand: Subcommand = async (input) => {
  const { person, deps } = input;
  const [periodText = "", ...teamWords] = input.args.trim().split(/\s+/);
  const looksLikePeriod = isPeriodText(periodText);
  const teamName = (looksLikePeriod ? teamWords : [periodText, ...teamWords]).join(" ").trim() || undefined;
  await say(input, person.t("export.building"));
  const found = await deps.reports.exportFor(person.member, looksLikePeriod ? periodText : "", teamName);
  const [interactions, escalations] = await Promise.all([
    interactionsCsv(found.interactions, found.timeZone),
    escalationsCsv(found.escalations, found.timeZone, deps.now()),
  ]);
  const dm = (await input.client.conversations.open({ users: person.member.slackUserId })).channel?.id;
  if (!dm) throw new Error("Slack opened no DM");
  const name = `rapport-${found.period.label}${found.team ? `-${found.team.replace(/[^\p{L}\p{N}]+/gu, "-")}` : ""}`;
  await uploadFile(input.client, {
    filename: `${name}-interactions.csv`,
    title: `${name}-interactions.csv`,
    bytes: interactions.bytes,
    channelId: dm,
    initialComment: person.t("export.done", {
      period: found.period.label,
      interactions: interactions.rows,
      escalations: escalations.rows,
    }),
  });
  await uploadFile(input.client, {
    filename: `${name}-escalations.csv`,
    title: `${name}-escalations.csv`,
    bytes: escalations.bytes,
    channelId: dm,
  });
  await say(input, person.t("export.sent", { interactions: interactions.rows, escalations: escalations.rows }));
};

export const REPORT_SUBCOMMANDS: Record<string, Subcommand> = { digest, review, target, export: exportCommand };
