import type { Severity } from "../escalations/escalation.types.js";
import type { RoutingRule } from "../escalations/routing.js";
import type { Role } from "../members/member.types.js";

export interface TeamSettings {
  id: string;
  name: string;
  managersChannelId: string | null;
  directorId: string | null;
  directorSlackId: string | null;
  directorChannelId: string | null;
  workDayStart: number | null;
  workDayEnd: number | null;
}

export interface DayCounts {
  /** Silent this many days after being active: lapsed. */
  lapsedDays: number;
  /** This many complaints within atRiskWindowDays: at risk. */
  atRiskComplaints: number;
  atRiskWindowDays: number;
  /** A satisfaction check this many days after a resolution. */
  satisfactionDays: number;
  /** The manager hears of a follow-up overdue this many days. */
  overdueManagerDays: number;
}

export const DAY_COUNT_LIMITS: Record<keyof DayCounts, { min: number; max: number }> = {
  lapsedDays: { min: 1, max: 3650 },
  atRiskComplaints: { min: 1, max: 100 },
  atRiskWindowDays: { min: 1, max: 365 },
  satisfactionDays: { min: 1, max: 365 },
  overdueManagerDays: { min: 1, max: 365 },
};

/** What `/rapport team` may change on a team. */
export interface TeamChanges {
  managersChannelId?: string;
  directorId?: string;
  directorChannelId?: string;
  workDayStart?: number;
  workDayEnd?: number;
}

export interface WorkspaceSettings {
  id: string;
  timeZone: string;
  defaultLocale: string;
  /** ISO 4217 code of the workspace's amounts, or null. */
  currency: string | null;
  businessStart: number;
  businessEnd: number;
  businessDays: number[];
  limits: Record<Severity, number>;
  holidays: string[];
  teams: TeamSettings[];
  routes: RoutingRule[];
  /** Day counts people can change: retention thresholds and follow-up timing. */
  days: DayCounts;
  /** "At risk" counts only repeated complaints about the same thing. */
  atRiskSameCategory: boolean;
  people: Array<{
    id: string;
    slackUserId: string;
    role: Role;
    teamId: string | null;
    timeZone: string | null;
    workDayStart: number | null;
    workDayEnd: number | null;
  }>;
}
