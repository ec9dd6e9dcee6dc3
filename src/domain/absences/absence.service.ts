import { DomainError } from "../errors.js";
import { localDay } from "../escalations/business-calendar.js";
import type { Member } from "../members/member.types.js";
import type { SettingsRepository } from "../workspace-settings/settings.repository.js";
import type { WorkspaceSettings } from "../workspace-settings/settings.types.js";
import type { AbsenceRepository } from "./absence.repository.js";
import { ABSENCE_MAX_DAYS, type Absence } from "./absence.types.js";
import { addDays, parseAbsenceRange } from "./absence-range.parser.js";
import { type AwayHint, awayHintOf, type SlackStatus } from "./away-status.js";

// Who is away: a person marks themselves, a manager marks their team's people (sick today,
// on leave), a director or an admin anyone. Days are read in the absent person's time zone.

type Person = WorkspaceSettings["people"][number];

/** How far back `/rapport away past` looks. */
const PAST_DAYS = 90;

const PROBLEM_CODES = {
  noDates: "absenceDates",
  endsBeforeStart: "absenceEndsBeforeStart",
  inThePast: "absenceInThePast",
  tooLong: "absenceTooLong",
} as const;

export interface AbsenceDeps {
  absences: AbsenceRepository;
  settings: Pick<SettingsRepository, "load">;
  now: () => Date;
}

export function createAbsenceService(deps: AbsenceDeps) {
  async function people(actor: Member) {
    const settings = await deps.settings.load(actor.workspaceId);
    const find = (id: string): Person => {
      const person = settings.people.find((p) => p.id === id);
      if (!person) throw new DomainError("notAllowed");
      return person;
    };
    const zoneOf = (p: Person) => p.timeZone ?? settings.timeZone;
    return { settings, find, zoneOf };
  }

  /** Whether `actor` may mark `target` away (or back). */
  function mayChange(actor: Person, target: Person): boolean {
    if (actor.id === target.id || actor.role === "director" || actor.role === "admin") return true;
    return actor.role === "manager" && actor.teamId !== null && actor.teamId === target.teamId;
  }

  return {
    /** Marks `targetId` away for the days `text` names (then a note); merged with their absences around them. */
    async markAway(actor: Member, targetId: string, text: string, coverId: string | null = null): Promise<Absence> {
      const { find, zoneOf } = await people(actor);
      const [me, target] = [find(actor.id), find(targetId)];
      if (!mayChange(me, target)) throw new DomainError("absenceNotYourTeam");
      if (coverId !== null && (coverId === target.id || find(coverId).role === "director"))
        throw new DomainError("absenceBadCover");
      const range = parseAbsenceRange(text, localDay(deps.now(), zoneOf(target)), ABSENCE_MAX_DAYS);
      if (!range.ok) throw new DomainError(PROBLEM_CODES[range.problem], { max: ABSENCE_MAX_DAYS });
      return deps.absences.add(actor.workspaceId, actor.id, {
        memberId: target.id,
        startsOn: range.startsOn,
        endsOn: range.endsOn,
        note: range.note,
        coverId,
      });
    },

    /**
     * Their Slack status changed: when it reads as "away" (and they are not marked away for those
     * days already), the days to offer them, once per status. Never marks anyone away by itself.
     */
    async hintFromStatus(member: Member, status: SlackStatus): Promise<AwayHint | null> {
      const settings = await deps.settings.load(member.workspaceId);
      const hint = awayHintOf(status, deps.now(), member.timeZone ?? settings.timeZone);
      const fresh = await deps.absences.noteStatus(
        member.workspaceId,
        member.id,
        // Once per status: one that expires by its last day and text, one that does not by its text.
        hint ? (hint.untilKnown ? `${hint.endsOn} ${hint.shown}` : hint.shown).slice(0, 300) : null,
      );
      if (!hint || !fresh) return null;
      const marked = (
        await deps.absences.awayOn(member.workspaceId, [{ memberId: member.id, day: hint.startsOn }])
      ).get(member.id);
      return marked && marked.endsOn >= hint.endsOn ? null : hint;
    },

    /** `targetId` is back: their absences from today (their time zone) on end. How many there were. */
    async comeBack(actor: Member, targetId: string): Promise<number> {
      const { find, zoneOf } = await people(actor);
      const [me, target] = [find(actor.id), find(targetId)];
      if (!mayChange(me, target)) throw new DomainError("absenceNotYourTeam");
      return deps.absences.endFrom(actor.workspaceId, actor.id, target.id, localDay(deps.now(), zoneOf(target)));
    },

    /**
     * Their own absence under way, or else the next one (null when none is planned), with who
     * covers; and their today, in their time zone.
     */
    async mine(actor: Member): Promise<{ absence: OwnAbsence | null; today: string }> {
      const { settings } = await people(actor);
      const today = localDay(deps.now(), actor.timeZone ?? settings.timeZone);
      const [absence] = await deps.absences.upcoming(actor.workspaceId, [actor.id], today);
      if (!absence) return { absence: null, today };
      const cover = settings.people.find((p) => p.id === absence.coverId);
      return { absence: { ...absence, coverSlackUserId: cover?.slackUserId ?? null }, today };
    },

    /**
     * Absences of the last `days` days that are over: one's own, a manager's team's, everyone's for
     * a director or an admin; most recent first, with the Slack ids of the people away.
     */
    async past(
      actor: Member,
      days = PAST_DAYS,
    ): Promise<Array<Absence & { slackUserId: string; coverSlackUserId?: string | null }>> {
      const { settings, find } = await people(actor);
      const me = find(actor.id);
      const shown = settings.people.filter((p) => mayChange(me, p));
      const today = localDay(deps.now(), actor.timeZone ?? settings.timeZone);
      const absences = await deps.absences.during(
        actor.workspaceId,
        shown.map((p) => p.id),
        addDays(today, -days),
        addDays(today, -1),
      );
      return absences
        .filter((a) => a.endsOn < today)
        .map((a) => ({
          ...a,
          slackUserId: find(a.memberId).slackUserId,
          coverSlackUserId: settings.people.find((p) => p.id === a.coverId)?.slackUserId ?? null,
        }));
    },

    /**
     * Absences still to come or under way: one's own, and for a manager their team's, for a
     * director or an admin everyone's. With the Slack ids of the people away.
     */
    async upcoming(actor: Member): Promise<Array<Absence & { slackUserId: string; coverSlackUserId?: string | null }>> {
      const { settings, find, zoneOf } = await people(actor);
      const me = find(actor.id);
      const shown = settings.people.filter((p) => mayChange(me, p));
      const earliest = shown.map((p) => localDay(deps.now(), zoneOf(p))).sort()[0];
      if (!earliest) return [];
      const absences = await deps.absences.upcoming(
        actor.workspaceId,
        shown.map((p) => p.id),
        earliest,
      );
      return absences
        .filter((a) => a.endsOn >= localDay(deps.now(), zoneOf(find(a.memberId))))
        .map((a) => ({
          ...a,
          slackUserId: find(a.memberId).slackUserId,
          coverSlackUserId: settings.people.find((p) => p.id === a.coverId)?.slackUserId ?? null,
        }));
    },
  };
}

export type OwnAbsence = Absence & { coverSlackUserId: string | null };

export type AbsenceService = ReturnType<typeof createAbsenceService>;
