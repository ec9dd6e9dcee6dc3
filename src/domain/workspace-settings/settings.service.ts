import { Errors } from "../errors.js";
import type { BusinessCalendar } from "../escalations/business-calendar.js";
import type { MemberService } from "../members/member.service.js";
import type { Member } from "../members/member.types.js";
import type { SettingsRepository } from "./settings.repository.js";
import type { WorkspaceSettings } from "./settings.types.js";

export function calendarOf(settings: WorkspaceSettings): BusinessCalendar {
  return {
    timeZone: settings.timeZone,
    dayStart: settings.businessStart,
    dayEnd: settings.businessEnd,
    days: settings.businessDays,
    holidays: new Set(settings.holidays),
  };
}

/** Workspace set-up; every change is for admins only, and recorded. */
export function createSettingsService(settings: SettingsRepository, members: MemberService) {
  async function asAdmin<T>(admin: Member, change: () => Promise<T>): Promise<T> {
    if (!(await members.ensureAdmin(admin))) throw Errors.adminOnly();
    return change();
  }
  return {
    load: (workspaceId: string) => settings.load(workspaceId),
    asAdmin,
    repository: settings,
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
