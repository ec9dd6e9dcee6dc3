// What each person's App Home shows: what is theirs to do, and for managers and
// directors the figures they answer for.

import type { AbsenceService } from "../absences/absence.service.js";
import type { Absence } from "../absences/absence.types.js";
import { addDays } from "../absences/absence-range.parser.js";
import type { ApiTokenService } from "../api/api-token.service.js";
import type { ApiTokenInfo } from "../api/api-token.types.js";
import { addBusinessMinutes, fromZoned, localDay, zoned } from "../escalations/business-calendar.js";
import type { Member } from "../members/member.types.js";
import type { WebhookService } from "../webhooks/webhook.service.js";
import type { WebhookInfo } from "../webhooks/webhook.types.js";
import type { SettingsRepository } from "../workspace-settings/settings.repository.js";
import { calendarOf } from "../workspace-settings/settings.service.js";
import type { HomeCampaign, HomeEscalation, HomeFollowUp, HomeRepository, Listed } from "./home.repository.js";
import type { ReportService } from "./report.service.js";
import type { ReportFigures } from "./report.types.js";
import type { TargetProgress } from "./targets.js";

const LISTED = 10;
/** How far ahead the Home tab warns of deadlines: two business hours. */
const BREACHING_SOON_MINUTES = 120;

export interface HomeData {
  role: Member["role"];
  followUps: Listed<HomeFollowUp>;
  escalations: Listed<HomeEscalation>;
  /** Their own absence under way or the next one planned (the tab offers to mark one, or to end it). */
  myAbsence: Absence | null;
  /** Managers: their team's open escalations; directors and admins: everyone's. */
  queue?: Listed<HomeEscalation>;
  /** The same, only those nobody has claimed whose deadline falls in the next two business hours, soonest first. */
  breachingSoon?: Listed<HomeEscalation>;
  teamName?: string | null;
  /** This week so far: the team's (managers) or the workspace's (directors, admins). */
  week?: ReportFigures;
  campaigns?: HomeCampaign[];
  targets?: TargetProgress[];
  /** Managers: who of their team is away today and in the next six days; directors and admins: anyone. */
  away?: HomeAbsence[];
  /** Admins: the workspace's API tokens, with their last use. */
  apiTokens?: ApiTokenInfo[];
  /** Admins: the webhooks, each with its last delivery and the week's failures. */
  webhooks?: WebhookInfo[];
}

/** Someone away, and (while they are away) what their covers hold of theirs. */
export type HomeAbsence = Absence & {
  slackUserId: string;
  coverSlackUserId?: string | null;
  holds?: Array<{ slackUserId: string; followUps: number }>;
};

export function createHomeService(deps: {
  home: HomeRepository;
  reports: ReportService;
  settings: SettingsRepository;
  absences: Pick<AbsenceService, "upcoming" | "mine">;
  apiTokens: Pick<ApiTokenService, "list">;
  webhooks: Pick<WebhookService, "list">;
  now: () => Date;
}) {
  return {
    async homeFor(member: Member): Promise<HomeData> {
      const settings = await deps.settings.load(member.workspaceId);
      const now = deps.now();
      const timeZone = member.timeZone ?? settings.timeZone;
      const today = zoned(now, timeZone);
      const endOfToday = fromZoned({ year: today.year, month: today.month, day: today.day + 1 }, 0, timeZone);
      const [followUps, escalations, mine] = await Promise.all([
        deps.home.followUpsDue(member.id, endOfToday, LISTED),
        deps.home.escalationsRaised(member.id, LISTED),
        deps.absences.mine(member),
      ]);
      const myAbsence = mine.absence;
      const data: HomeData = { role: member.role, followUps, escalations, myAbsence };
      if (member.role === "agent") return data;
      const teamId = settings.people.find((p) => p.id === member.id)?.teamId ?? null;
      if (member.role === "manager" && !teamId) return data;
      const wholeWorkspace = member.role !== "manager";
      const scope = wholeWorkspace ? { workspaceId: member.workspaceId } : { workspaceId: member.workspaceId, teamId };
      const admin = member.role === "admin";
      const soon = addBusinessMinutes(now, BREACHING_SOON_MINUTES, calendarOf(settings));
      const [queue, breachingSoon, week, campaigns, absences, apiTokens, webhooks] = await Promise.all([
        deps.home.teamQueue(member.workspaceId, wholeWorkspace ? null : teamId, LISTED),
        deps.home.breachingSoon(member.workspaceId, wholeWorkspace ? null : teamId, now, soon, LISTED),
        deps.reports.thisWeek(member, scope),
        deps.home.campaignsRunning(member.workspaceId, wholeWorkspace ? null : member.id, 5),
        deps.absences.upcoming(member),
        admin ? deps.apiTokens.list(member) : Promise.resolve(undefined),
        admin ? deps.webhooks.list(member) : Promise.resolve(undefined),
      ]);
      const weekEnd = addDays(localDay(now, timeZone), 6);
      const away = absences.filter((a) => a.startsOn <= weekEnd).slice(0, LISTED);
      const holdings = await deps.home.coverHoldings(
        member.workspaceId,
        away.map((a) => a.memberId),
      );
      return {
        ...data,
        queue,
        breachingSoon,
        teamName: wholeWorkspace ? null : (settings.teams.find((t) => t.id === teamId)?.name ?? null),
        week: week.figures,
        campaigns,
        away: away.map((a) => ({
          ...a,
          holds: holdings
            .filter((h) => h.assigneeId === a.memberId)
            .map((h) => ({ slackUserId: h.coverSlackUserId, followUps: h.followUps })),
        })),
        ...(apiTokens ? { apiTokens } : {}),
        ...(webhooks ? { webhooks } : {}),
        // Targets are the workspace's: directors and admins see them against the workspace's week.
        ...(wholeWorkspace ? { targets: week.targets } : {}),
      };
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
