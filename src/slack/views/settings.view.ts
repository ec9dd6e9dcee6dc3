import type { KnownBlock } from "@slack/types";
import type { WorkspaceSettings } from "../../domain/workspace-settings/settings.types.js";
import type { Translate } from "../../i18n/i18n.js";
import { mention } from "../format.js";
import { escapeMrkdwn, fitMrkdwn } from "../mrkdwn.js";

const DAY = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** The workspace's set-up at a glance, with what is missing said plainly. */
export function buildSettingsSummary(t: Translate, s: WorkspaceSettings): { text: string; blocks: KnownBlock[] } {
  const teams = s.teams.map((team) => {
    const parts = [
      `• *${escapeMrkdwn(team.name)}*: ${team.managersChannelId ? `<#${team.managersChannelId}>` : `⚠️ ${t("setup.missingChannel", { name: escapeMrkdwn(team.name) })}`}`,
      team.directorSlackId ? t("setup.director", { person: mention(team.directorSlackId) }) : "",
      team.directorChannelId ? `<#${team.directorChannelId}>` : "",
      team.workDayStart !== null && team.workDayEnd !== null
        ? `🕘 ${clock(team.workDayStart)}–${clock(team.workDayEnd)}`
        : "",
    ];
    return parts.filter(Boolean).join(" · ");
  });
  const teamName = (id: string | null) => s.teams.find((x) => x.id === id)?.name;
  const routes = s.routes.map((r) => {
    const when = [teamName(r.teamId), r.kind && t(`kind.${r.kind}`), r.severity && t(`severity.${r.severity}`), r.tier]
      .filter(Boolean)
      .join(", ");
    return `• ${when ? escapeMrkdwn(when) : "*"} → <#${r.channelId}>`;
  });
  const hours = `${clock(s.businessStart)}–${clock(s.businessEnd)} ${s.businessDays.map((d) => DAY[d]).join(", ")} (${s.timeZone})`;
  const limits = (["low", "normal", "high", "urgent"] as const)
    .map((k) => `${t(`severity.${k}`)} ${(s.limits[k] / 60).toFixed(s.limits[k] % 60 ? 1 : 0)}h`)
    .join(" · ");
  const text = [
    `*${t("setup.summaryTitle")}*`,
    t("setup.summaryTeams"),
    teams.length ? teams.join("\n") : t("setup.summaryNoTeams"),
    t("setup.summaryRoutes"),
    routes.length ? routes.join("\n") : t("setup.summaryNoRoutes"),
    t("setup.summaryHours", { hours }),
    t("setup.summaryCurrency", { currency: s.currency ?? t("setup.none") }),
    t("setup.summaryLimits", { limits }),
    t("setup.summaryDays", { ...s.days }),
    t("setup.summaryHolidays", { dates: s.holidays.length ? s.holidays.join(", ") : t("setup.none") }),
  ].join("\n");
  return {
    text: t("setup.summaryTitle"),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: fitMrkdwn(text, 3_000) } }],
  };
}
