import type { PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/audit.repository.js";
import type { Severity } from "../escalations/escalation.types.js";
import type { RoutingRule } from "../escalations/routing.js";
import type { Kind } from "../interactions/vocabulary.js";
import type { Role } from "../members/member.types.js";
import type { DayCounts, TeamChanges, WorkspaceSettings } from "./settings.types.js";

export interface NewRoute {
  teamId: string | null;
  kind: Kind | null;
  severity: Severity | null;
  tier: string | null;
  channelId: string;
}

export interface SettingsRepository {
  load(workspaceId: string): Promise<WorkspaceSettings>;
  upsertTeam(workspaceId: string, actorId: string, name: string, changes: TeamChanges): Promise<string>;
  setRole(
    workspaceId: string,
    actorId: string,
    memberId: string,
    role: Role,
    teamId: string | null | undefined,
  ): Promise<void>;
  addRoute(workspaceId: string, actorId: string, route: NewRoute): Promise<void>;
  clearRoutes(workspaceId: string, actorId: string): Promise<void>;
  setHours(
    workspaceId: string,
    actorId: string,
    hours: { start: number; end: number; days: number[]; timeZone?: string },
  ): Promise<void>;
  setLimit(workspaceId: string, actorId: string, severity: Severity, minutes: number): Promise<void>;
  setCurrency(workspaceId: string, actorId: string, currency: string | null): Promise<void>;
  setHoliday(workspaceId: string, actorId: string, date: string, on: boolean): Promise<void>;
  setDayCounts(workspaceId: string, actorId: string, counts: Partial<DayCounts>): Promise<void>;
  /** Whether "at risk" counts only repeated complaints about the same thing. */
  setAtRiskSameCategory(workspaceId: string, actorId: string, same: boolean): Promise<void>;
  setPersonalHours(workspaceId: string, memberId: string, hours: { start: number; end: number } | null): Promise<void>;
}

const LIMIT_COLUMN = { low: "limitLow", normal: "limitNormal", high: "limitHigh", urgent: "limitUrgent" } as const;

export function createSettingsRepository(prisma: PrismaClient): SettingsRepository {
  const audit = (
    workspaceId: string,
    actorId: string,
    action: string,
    entityId: string,
    data: Record<string, unknown>,
  ) =>
    recordAudit(prisma, {
      workspaceId,
      actorId,
      action,
      entityType: "Workspace",
      entityId,
      data: JSON.parse(JSON.stringify(data)),
    });
  // Hours, days and teams decide when a follow-up may be sent: those put off until a later check are
  // looked at again on the next tick.
  const recheckFollowUps = (workspaceId: string) =>
    prisma.followUp.updateMany({
      where: { workspaceId, status: "pending", nextCheckAt: { not: null } },
      data: { nextCheckAt: null },
    });

  return {
    async load(workspaceId) {
      const ws = await prisma.workspace.findUniqueOrThrow({
        where: { id: workspaceId },
        include: {
          holidays: { select: { date: true }, orderBy: { date: "asc" } },
          teams: { include: { director: { select: { slackUserId: true } } }, orderBy: { name: "asc" } },
          routes: { orderBy: { createdAt: "asc" } },
          members: {
            select: {
              id: true,
              slackUserId: true,
              role: true,
              teamId: true,
              timeZone: true,
              workDayStart: true,
              workDayEnd: true,
            },
          },
        },
      });
      return {
        id: ws.id,
        timeZone: ws.timeZone,
        defaultLocale: ws.defaultLocale,
        currency: ws.currency,
        businessStart: ws.businessStart,
        businessEnd: ws.businessEnd,
        businessDays: ws.businessDays,
        limits: { low: ws.limitLow, normal: ws.limitNormal, high: ws.limitHigh, urgent: ws.limitUrgent },
        holidays: ws.holidays.map((h) => h.date.toISOString().slice(0, 10)),
        teams: ws.teams.map((t) => ({
          id: t.id,
          name: t.name,
          managersChannelId: t.managersChannelId,
          directorId: t.directorId,
          directorSlackId: t.director?.slackUserId ?? null,
          directorChannelId: t.directorChannelId,
          workDayStart: t.workDayStart,
          workDayEnd: t.workDayEnd,
        })),
        routes: ws.routes.map(
          (r): RoutingRule => ({
            id: r.id,
            teamId: r.teamId,
            kind: r.kind,
            severity: r.severity,
            tier: r.tier,
            channelId: r.channelId,
          }),
        ),
        days: {
          lapsedDays: ws.lapsedDays,
          atRiskComplaints: ws.atRiskComplaints,
          atRiskWindowDays: ws.atRiskWindowDays,
          satisfactionDays: ws.satisfactionDays,
          overdueManagerDays: ws.overdueManagerDays,
        },
        atRiskSameCategory: ws.atRiskSameCategory,
        people: ws.members,
      };
    },
    async upsertTeam(workspaceId, actorId, name, changes) {
      const team = await prisma.team.upsert({
        where: { workspaceId_name: { workspaceId, name } },
        create: { workspaceId, name, ...changes },
        update: changes,
        select: { id: true },
      });
      await audit(workspaceId, actorId, "team.saved", team.id, { name, ...changes });
      await recheckFollowUps(workspaceId);
      return team.id;
    },
    async setRole(workspaceId, actorId, memberId, role, teamId) {
      await prisma.member.update({
        where: { id: memberId, workspaceId },
        data: { role, ...(teamId !== undefined ? { teamId } : {}) },
      });
      await audit(workspaceId, actorId, "member.role", memberId, { role, teamId });
      await recheckFollowUps(workspaceId);
    },
    async addRoute(workspaceId, actorId, route) {
      const row = await prisma.routingRule.create({ data: { workspaceId, ...route } });
      await audit(workspaceId, actorId, "route.added", row.id, { ...route });
    },
    async clearRoutes(workspaceId, actorId) {
      await prisma.routingRule.deleteMany({ where: { workspaceId } });
      await audit(workspaceId, actorId, "route.cleared", workspaceId, {});
    },
    async setHours(workspaceId, actorId, hours) {
      await prisma.workspace.update({
        where: { id: workspaceId },
        data: {
          businessStart: hours.start,
          businessEnd: hours.end,
          businessDays: hours.days,
          ...(hours.timeZone ? { timeZone: hours.timeZone } : {}),
        },
      });
      await audit(workspaceId, actorId, "hours.set", workspaceId, hours);
      await recheckFollowUps(workspaceId);
    },
    async setCurrency(workspaceId, actorId, currency) {
      await prisma.workspace.update({ where: { id: workspaceId }, data: { currency } });
      await audit(workspaceId, actorId, "currency.set", workspaceId, { currency });
    },
    async setLimit(workspaceId, actorId, severity, minutes) {
      await prisma.workspace.update({ where: { id: workspaceId }, data: { [LIMIT_COLUMN[severity]]: minutes } });
      await audit(workspaceId, actorId, "limit.set", workspaceId, { severity, minutes });
    },
    async setHoliday(workspaceId, actorId, date, on) {
      const day = new Date(`${date}T00:00:00Z`);
      if (on) {
        await prisma.holiday.upsert({
          where: { workspaceId_date: { workspaceId, date: day } },
          create: { workspaceId, date: day },
          update: {},
        });
      } else {
        await prisma.holiday.deleteMany({ where: { workspaceId, date: day } });
      }
      await audit(workspaceId, actorId, on ? "holiday.added" : "holiday.removed", workspaceId, { date });
      await recheckFollowUps(workspaceId);
    },
    async setDayCounts(workspaceId, actorId, counts) {
      await prisma.workspace.update({ where: { id: workspaceId }, data: counts });
      await audit(workspaceId, actorId, "days.set", workspaceId, counts);
      await recheckFollowUps(workspaceId);
    },
    async setAtRiskSameCategory(workspaceId, actorId, same) {
      await prisma.workspace.update({ where: { id: workspaceId }, data: { atRiskSameCategory: same } });
      await audit(workspaceId, actorId, "days.set", workspaceId, { atRiskSameCategory: same });
    },
    async setPersonalHours(workspaceId, memberId, hours) {
      await prisma.member.update({
        where: { id: memberId, workspaceId },
        data: { workDayStart: hours?.start ?? null, workDayEnd: hours?.end ?? null },
      });
      await audit(workspaceId, memberId, "member.hours", memberId, { hours });
      await recheckFollowUps(workspaceId);
    },
  };
}
