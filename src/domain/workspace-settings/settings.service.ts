import { DomainError, Errors } from "../errors.js";
import type { BusinessCalendar } from "../escalations/business-calendar.js";
import type { Severity } from "../escalations/escalation.types.js";
import type { Kind } from "../interactions/vocabulary.js";
import type { MemberService } from "../members/member.service.js";
import type { Member, Role } from "../members/member.types.js";
import type { SettingsRepository } from "./settings.repository.js";
import type { DayCounts, TeamChanges, WorkspaceSettings } from "./settings.types.js";

export function calendarOf(settings: WorkspaceSettings): BusinessCalendar {
  return {
    timeZone: settings.timeZone,
    dayStart: settings.businessStart,
    dayEnd: settings.businessEnd,
    days: settings.businessDays,
    holidays: new Set(settings.holidays),
  };
}

/**
 * When one person works: their own time zone and hours, else their team's
 * hours, else the workspace's; on the workspace's working days and holidays.
 */
export function calendarFor(
  settings: WorkspaceSettings,
  person: { timeZone: string | null; teamId: string | null; workDayStart: number | null; workDayEnd: number | null },
): BusinessCalendar {
  const team = settings.teams.find((t) => t.id === person.teamId);
  const workspace = calendarOf(settings);
  return {
    ...workspace,
    timeZone: person.timeZone ?? workspace.timeZone,
    dayStart: person.workDayStart ?? team?.workDayStart ?? workspace.dayStart,
    dayEnd: person.workDayEnd ?? team?.workDayEnd ?? workspace.dayEnd,
  };
}

/** Settings read at most once per workspace: for a scheduler tick that handles many rows. */
export function settingsPerTick(settings: SettingsRepository): (workspaceId: string) => Promise<WorkspaceSettings> {
  const loaded = new Map<string, Promise<WorkspaceSettings>>();
  return (workspaceId) => {
    let found = loaded.get(workspaceId);
    if (!found) {
      found = settings.load(workspaceId);
      loaded.set(workspaceId, found);
    }
    return found;
  };
}

/** Workspace set-up: teams, roles, routes, business hours, time limits, days off. Admins only; every change recorded. */
const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** A three-letter ISO 4217 code Intl can format (EUR, BRL, INR). */
export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code);
}

export function createSettingsService(settings: SettingsRepository, members: MemberService) {
  async function teamId(workspaceId: string, name: string | null | undefined): Promise<string | null> {
    if (!name) return null;
    const team = (await settings.load(workspaceId)).teams.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!team) throw new DomainError("unknownTeam", { name });
    return team.id;
  }
  return {
    load: (workspaceId: string) => settings.load(workspaceId),

    /** Runs `change` only for an admin (the first person to try in a new workspace becomes one). */
    async asAdmin<T>(admin: Member, change: () => Promise<T>): Promise<T> {
      if (!(await members.ensureAdmin(admin))) throw Errors.adminOnly();
      return change();
    },

    saveTeam: (actor: Member, name: string, changes: TeamChanges) =>
      settings.upsertTeam(actor.workspaceId, actor.id, name, changes),

    async setRole(actor: Member, target: Member, role: Role, teamName?: string) {
      const team = teamName === undefined ? undefined : await teamId(actor.workspaceId, teamName);
      await settings.setRole(actor.workspaceId, actor.id, target.id, role, team);
    },

    async addRoute(
      actor: Member,
      route: {
        channelId: string;
        teamName: string | null;
        kind: Kind | null;
        severity: Severity | null;
        tier: string | null;
      },
    ) {
      const { teamName, ...rest } = route;
      await settings.addRoute(actor.workspaceId, actor.id, {
        ...rest,
        teamId: await teamId(actor.workspaceId, teamName),
      });
    },

    clearRoutes: (actor: Member) => settings.clearRoutes(actor.workspaceId, actor.id),
    setHours: (actor: Member, hours: { start: number; end: number; days: number[]; timeZone?: string }) =>
      settings.setHours(actor.workspaceId, actor.id, hours),
    /** An ISO 4217 code (checked against what Intl knows), or null for plain numbers. */
    async setCurrency(actor: Member, currency: string | null) {
      if (currency !== null && !isCurrency(currency)) throw new DomainError("badCurrency", { text: currency });
      await settings.setCurrency(actor.workspaceId, actor.id, currency);
    },
    setLimit: (actor: Member, severity: Severity, minutes: number) =>
      settings.setLimit(actor.workspaceId, actor.id, severity, minutes),
    setHoliday: (actor: Member, date: string, on: boolean) =>
      settings.setHoliday(actor.workspaceId, actor.id, date, on),
    setDayCounts: (actor: Member, counts: Partial<DayCounts>) =>
      settings.setDayCounts(actor.workspaceId, actor.id, counts),
    setAtRiskSameCategory: (actor: Member, same: boolean) =>
      settings.setAtRiskSameCategory(actor.workspaceId, actor.id, same),
    /** Anyone may set their own working hours (null: back to the workspace's). */
    setPersonalHours: (person: Member, hours: { start: number; end: number } | null) =>
      settings.setPersonalHours(person.workspaceId, person.id, hours),
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
