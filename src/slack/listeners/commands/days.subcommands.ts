import { DAY_COUNT_LIMITS, type DayCounts } from "../../../domain/workspace-settings/settings.types.js";
import { dayHours } from "./day-hours.js";
import type { Subcommand, SubcommandInput } from "./subcommand.js";

// The words people type for each day count.
const SETTING_WORDS: Record<string, keyof DayCounts> = {
  lapsed: "lapsedDays",
  complaints: "atRiskComplaints",
  window: "atRiskWindowDays",
  satisfaction: "satisfactionDays",
  manager: "overdueManagerDays",
};

const say = (input: SubcommandInput, text: string) => input.respond({ response_type: "ephemeral", text });

/**
 * `days <lapsed|complaints|window|satisfaction|manager> <N>` (admins): retention thresholds and
 * follow-up timing; `days complaints <N> same` counts only complaints about one thing, `any` all.
 */
const days: Subcommand = async (input) => {
  const { person, deps } = input;
  const match = /^(\w+)\s+(\d{1,4})(?:\s+(same|any))?$/.exec(input.args.trim().toLowerCase());
  const setting = match?.[1] ? SETTING_WORDS[match[1]] : undefined;
  const value = Number(match?.[2]);
  const limits = setting ? DAY_COUNT_LIMITS[setting] : undefined;
  const which = match?.[3];
  if (!setting || !limits || (which && setting !== "atRiskComplaints")) {
    const current = await deps.settings.load(person.member.workspaceId);
    return void (await say(input, person.t("setup.daysUsage", { ...current.days })));
  }
  if (!(value >= limits.min && value <= limits.max))
    return void (await say(input, person.t("setup.daysRange", { min: limits.min, max: limits.max })));
  await deps.settings.asAdmin(person.member, async () => {
    await deps.settings.setDayCounts(person.member, { [setting]: value });
    if (which) await deps.settings.setAtRiskSameCategory(person.member, which === "same");
  });
  await say(
    input,
    [
      person.t("setup.daysSaved", { setting: match?.[1] ?? "", value }),
      ...(which ? [person.t(which === "same" ? "setup.sameCategory" : "setup.anyCategory")] : []),
    ].join(" "),
  );
};

/** `myhours 08:00-16:00` or `myhours default`: when this person may be nudged. */
const myhours: Subcommand = async (input) => {
  const { person, deps } = input;
  const text = input.args.trim().toLowerCase();
  if (text === "default") {
    await deps.settings.setPersonalHours(person.member, null);
    return void (await say(input, person.t("setup.myHoursCleared")));
  }
  const hours = dayHours(text);
  if (!hours) return void (await say(input, person.t("setup.myHoursUsage")));
  await deps.settings.setPersonalHours(person.member, hours);
  await say(input, person.t("setup.myHoursSaved", { hours: text }));
};

export const DAY_SUBCOMMANDS: Record<string, Subcommand> = { days, myhours };
