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
}

export interface WorkspaceSettings {
  id: string;
  timeZone: string;
  defaultLocale: string;
  businessStart: number;
  businessEnd: number;
  businessDays: number[];
  limits: Record<Severity, number>;
  holidays: string[];
  teams: TeamSettings[];
  routes: RoutingRule[];
  people: Array<{ id: string; slackUserId: string; role: Role; teamId: string | null }>;
}
