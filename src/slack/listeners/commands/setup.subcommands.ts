import { SEVERITIES, type Severity } from "../../../domain/escalations/escalation.types.js";
import { isCalendarDate } from "../../../domain/follow-ups/when.parser.js";
import { kindOf } from "../../../domain/interactions/vocabulary.js";
import type { Role } from "../../../domain/members/member.types.js";
import { formatAmount } from "../../../i18n/i18n.js";
import { verbatim } from "../../../i18n/verbatim.js";
import { mention } from "../../format.js";
import { plainFromSlack } from "../../slack-text.js";
import { buildSettingsSummary } from "../../views/settings.view.js";
import { dayHours } from "./day-hours.js";
import type { Subcommand, SubcommandInput } from "./subcommand.js";

// Set-up for admins. Channels and people arrive as Slack escapes them: <#C123|name>, <@U123|name>.
const CHANNEL = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/;
const USER = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
const ROLES: Role[] = ["agent", "manager", "director", "admin"];
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** Splits "Support EU channel <#C1> director <@U1>" into the leading words and keyword → value pairs. */
function keywords(args: string, names: string[]): { lead: string; values: Record<string, string> } {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const values: Record<string, string> = {};
  const lead: string[] = [];
  let current: string | null = null;
  for (const word of words) {
    if (names.includes(word.toLowerCase())) {
      current = word.toLowerCase();
      values[current] = "";
    } else if (current) values[current] = `${values[current]} ${word}`.trim();
    else lead.push(word);
  }
  return { lead: lead.join(" "), values };
}

// Names (of a team, a tier) are what the person typed: Slack sent them escaped ("R&amp;D").
const nameOf = (text: string | undefined) => (text === undefined ? undefined : plainFromSlack(text).trim());
const channelOf = (text: string | undefined) => (text ? CHANNEL.exec(text.trim())?.[1] : undefined);
const userOf = (text: string | undefined) => (text ? USER.exec(text.trim())?.[1] : undefined);

async function usage({ person, respond }: SubcommandInput) {
  await respond({ response_type: "ephemeral", text: person.t("setup.usage") });
}

const say = (input: SubcommandInput, text: string) => input.respond({ response_type: "ephemeral", text });

/** `team <name> channel #c [director @p] [director-channel #c] [hours 08:00-16:00]` */
const team: Subcommand = async (input) => {
  const { person, deps, client, command } = input;
  const { lead, values } = keywords(input.args, ["channel", "director", "director-channel", "hours"]);
  const name = nameOf(lead);
  const channel = channelOf(values.channel);
  const directorSlackId = userOf(values.director);
  const teamHours = values.hours === undefined ? undefined : dayHours(values.hours);
  if (
    !name ||
    (values.channel !== undefined && !channel) ||
    (values.director !== undefined && !directorSlackId) ||
    teamHours === null
  )
    return usage(input);
  const directorChannel = channelOf(values["director-channel"]);
  await deps.settings.asAdmin(person.member, async () => {
    const director = directorSlackId
      ? (await deps.identify(command.team_id, directorSlackId, client)).member
      : undefined;
    await deps.settings.saveTeam(person.member, name, {
      ...(channel ? { managersChannelId: channel } : {}),
      ...(director ? { directorId: director.id } : {}),
      ...(directorChannel ? { directorChannelId: directorChannel } : {}),
      ...(teamHours ? { workDayStart: teamHours.start, workDayEnd: teamHours.end } : {}),
    });
  });
  // The answer repeats what was set, so a mistyped channel or person shows at once.
  const { t } = person;
  const saved = [
    ...(channel ? [t("setup.teamSavedChannel", { channel: verbatim(`<#${channel}>`) })] : []),
    ...(directorSlackId ? [t("setup.teamSavedDirector", { person: verbatim(`<@${directorSlackId}>`) })] : []),
    ...(directorChannel ? [t("setup.teamSavedDirectorChannel", { channel: verbatim(`<#${directorChannel}>`) })] : []),
    ...(teamHours ? [t("setup.teamSavedHours", { hours: values.hours?.trim() ?? "" })] : []),
  ];
  await say(input, [t("setup.teamSaved", { name }), saved.join(" · ")].filter(Boolean).join(" "));
};

/** `role @person agent|manager|director|admin [team <name>]` */
const role: Subcommand = async (input) => {
  const { person, deps, client, command } = input;
  const { lead, values } = keywords(input.args, ["team"]);
  const [who, roleWord] = lead.split(/\s+/);
  const slackId = userOf(who);
  const newRole = ROLES.find((r) => r === roleWord?.toLowerCase());
  if (!slackId || !newRole) return usage(input);
  const teamName = nameOf(values.team);
  await deps.settings.asAdmin(person.member, async () => {
    const target = (await deps.identify(command.team_id, slackId, client)).member;
    await deps.settings.setRole(person.member, target, newRole, teamName);
  });
  const teamText = teamName ? ` (${teamName})` : "";
  await say(
    input,
    person.t("setup.roleSaved", { person: mention(slackId), role: person.t(`role.${newRole}`), team: teamText }),
  );
};

/** `route #channel [team <name>] [kind <kind>] [severity <s>] [tier <t>]`, or `route clear` */
const route: Subcommand = async (input) => {
  const { person, deps } = input;
  if (input.args.trim().toLowerCase() === "clear") {
    await deps.settings.asAdmin(person.member, () => deps.settings.clearRoutes(person.member));
    return void (await say(input, person.t("setup.routesCleared")));
  }
  const { lead, values } = keywords(input.args, ["team", "kind", "severity", "tier"]);
  const channel = channelOf(lead);
  const kind = values.kind ? kindOf(values.kind) : null;
  const severity = values.severity ? (SEVERITIES.find((s) => s === values.severity?.toLowerCase()) ?? null) : null;
  if (!channel || kind === undefined || (values.severity && !severity)) return usage(input);
  await deps.settings.asAdmin(person.member, () =>
    deps.settings.addRoute(person.member, {
      channelId: channel,
      teamName: nameOf(values.team) ?? null,
      kind,
      severity,
      tier: nameOf(values.tier) ?? null,
    }),
  );
  await say(input, person.t("setup.routeSaved", { channel }));
};

/** `hours 09:00-17:00 mon-fri [Area/City]` */
const hours: Subcommand = async (input) => {
  const { person, deps } = input;
  const match = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s+([a-z,-]+)(?:\s+(\S+))?$/i.exec(input.args.trim());
  const days = match?.[5] ? parseDays(match[5]) : null;
  if (!match || !days) return usage(input);
  const start = Number(match[1]) * 60 + Number(match[2]);
  const end = Number(match[3]) * 60 + Number(match[4]);
  const timeZone = match[6];
  if (!(start < end && end <= 24 * 60) || (timeZone && !isTimeZone(timeZone))) return usage(input);
  await deps.settings.asAdmin(person.member, () =>
    deps.settings.setHours(person.member, { start, end, days, ...(timeZone ? { timeZone } : {}) }),
  );
  await say(input, person.t("setup.hoursSaved", { hours: input.args.trim() }));
};

/** `limit <severity> <N>h` (or <N>m) */
const limit: Subcommand = async (input) => {
  const { person, deps } = input;
  const match = /^(\w+)\s+(\d+(?:\.\d+)?)\s*(h|m)$/i.exec(input.args.trim());
  const severity = SEVERITIES.find((s) => s === match?.[1]?.toLowerCase()) as Severity | undefined;
  if (!match || !severity) return usage(input);
  const minutes = Math.round(Number(match[2]) * (match[3]?.toLowerCase() === "h" ? 60 : 1));
  if (minutes < 1 || minutes > 60 * 24 * 30) return usage(input);
  await deps.settings.asAdmin(person.member, () => deps.settings.setLimit(person.member, severity, minutes));
  await say(
    input,
    person.t("setup.limitSaved", {
      severity: person.t(`severity.${severity}`),
      hours: (minutes / 60).toFixed(minutes % 60 ? 1 : 0),
    }),
  );
};

/** `holiday YYYY-MM-DD [off]` */
const holiday: Subcommand = async (input) => {
  const { person, deps } = input;
  const match = /^(\d{4}-\d{2}-\d{2})(?:\s+(off))?$/i.exec(input.args.trim());
  if (!match?.[1]) return usage(input);
  const date = match[1];
  const year = Number(date.slice(0, 4));
  if (!isCalendarDate(date) || year < 2000 || year > 2100)
    return void (await say(input, person.t("errors.badHolidayDate", { date })));
  const on = !match[2];
  await deps.settings.asAdmin(person.member, () => deps.settings.setHoliday(person.member, date, on));
  await say(input, person.t(on ? "setup.holidaySaved" : "setup.holidayRemoved", { date }));
};

/** `currency EUR` (or `none`): what amounts are shown in. */
const currency: Subcommand = async (input) => {
  const { person, deps } = input;
  const code = input.args.trim().toUpperCase();
  if (!code) return usage(input);
  const chosen = code === "NONE" ? null : code;
  await deps.settings.asAdmin(person.member, () => deps.settings.setCurrency(person.member, chosen));
  const example = formatAmount(person.t, 1234.5, chosen);
  await say(
    input,
    chosen
      ? person.t("setup.currencySaved", { currency: chosen, example })
      : person.t("setup.currencyCleared", { example }),
  );
};

const settings: Subcommand = async (input) => {
  const { person, deps } = input;
  const summary = await deps.settings.asAdmin(person.member, () => deps.settings.load(person.member.workspaceId));
  await input.respond({ response_type: "ephemeral", ...buildSettingsSummary(person.t, summary) });
};

function parseDays(text: string): number[] | null {
  const days = new Set<number>();
  for (const part of text.toLowerCase().split(",")) {
    const [from, to] = part.split("-");
    const a = DAYS.indexOf(from ?? "");
    const b = to === undefined ? a : DAYS.indexOf(to);
    if (a < 0 || b < 0) return null;
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d + 1);
      if (d === b) break;
    }
  }
  return [...days].sort();
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const SETUP_SUBCOMMANDS: Record<string, Subcommand> = {
  team,
  role,
  route,
  hours,
  limit,
  holiday,
  currency,
  settings,
};
