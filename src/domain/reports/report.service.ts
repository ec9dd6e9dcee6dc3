// Digests, one-on-one reviews and exports: who may see which figures, and the
// figures put together. Knows nothing of Slack.
import type { AbsenceRepository } from "../absences/absence.repository.js";
import { addDays } from "../absences/absence-range.parser.js";
import { DomainError } from "../errors.js";
import { localDay } from "../escalations/business-calendar.js";
import type { Member } from "../members/member.types.js";
import type { SettingsRepository } from "../workspace-settings/settings.repository.js";
import type { WorkspaceSettings } from "../workspace-settings/settings.types.js";
import type { Digest, Review, ReviewRates, TeamLine } from "./digest.types.js";
import type { DigestDeliveryRepository } from "./digest-delivery.repository.js";
import type { ExportRepository } from "./export.repository.js";
import type { ReportRepository } from "./report.repository.js";
import type { PersonFigures, RecoveryCount, ReportFigures, ReportScope } from "./report.types.js";
import { mondayOfIsoWeek, type Period, parsePeriod, weekAt, weekSpan, weeksUpTo } from "./report-period.js";
import type { TargetRepository } from "./target.repository.js";
import { type Metric, progressAgainst } from "./targets.js";

const LISTED = 3;
const CATEGORIES_LISTED = 6;
const ROOT_CAUSES_LISTED = 3;
/** Complaints the customer card says the recovery of. */
const CARD_COMPLAINTS = 3;

type RecoveryByPerson = Map<string, { current: RecoveryCount; previous: RecoveryCount }>;

function sumRecovery(entries: Array<{ current: RecoveryCount; previous: RecoveryCount }>) {
  const add = (a: RecoveryCount, b: RecoveryCount) => ({
    judged: a.judged + b.judged,
    recovered: a.recovered + b.recovered,
  });
  const zero = { judged: 0, recovered: 0 };
  return entries.reduce(
    (sum, e) => ({ current: add(sum.current, e.current), previous: add(sum.previous, e.previous) }),
    {
      current: zero,
      previous: zero,
    },
  );
}
const CHART_WEEKS = 8;

export interface ReportDeps {
  reports: ReportRepository;
  targets: TargetRepository;
  exports: ExportRepository;
  settings: SettingsRepository;
  schedule: Pick<DigestDeliveryRepository, "setSchedule">;
  absences: Pick<AbsenceRepository, "during">;
  now: () => Date;
}

/** Someone's absences within a period's days (their own), clipped to it, and the days they cover. */
async function absencesWithin(
  absences: ReportDeps["absences"],
  workspaceId: string,
  person: { id: string },
  period: Period,
  timeZone: string,
) {
  const first = localDay(period.from, timeZone);
  const last = localDay(new Date(period.to.getTime() - 1), timeZone);
  const clipped = (await absences.during(workspaceId, [person.id], first, last)).reverse().map((a) => ({
    startsOn: a.startsOn < first ? first : a.startsOn,
    endsOn: a.endsOn > last ? last : a.endsOn,
    note: a.note,
  }));
  const days = new Set<string>();
  for (const a of clipped) for (let d = a.startsOn; d <= a.endsOn; d = addDays(d, 1)) days.add(d);
  return { absences: clipped, daysAway: days.size };
}

const percent = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);

function median(values: Array<number | null>): number | null {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function ratesOf(p: PersonFigures): ReviewRates {
  return {
    interactions: p.interactions,
    complaintsResolvedPct: percent(p.complaintsResolved, p.complaints),
    escalationRatePct: percent(p.escalationsRaised, p.interactions),
    followUpsOnTimePct: percent(p.followUpsOnTime, p.followUpsDue),
    satisfiedPct: percent(p.satisfied, p.satisfied + p.notSatisfied),
  };
}

const mondayIso = (w: { year: number; week: number }) => {
  const d = mondayOfIsoWeek(w.year, w.week);
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
};

export type ReportService = ReturnType<typeof createReportService>;

/** A person with nothing to count in the period. */
function noFigures(person: { id: string; slackUserId: string; teamId: string | null }): PersonFigures {
  return {
    memberId: person.id,
    slackUserId: person.slackUserId,
    teamId: person.teamId,
    interactions: 0,
    previousInteractions: 0,
    byKind: {},
    complaints: 0,
    complaintsResolved: 0,
    escalationsRaised: 0,
    followUpsDue: 0,
    followUpsOnTime: 0,
    overdueNow: 0,
    satisfied: 0,
    notSatisfied: 0,
    escalationsAnswered: 0,
    answeredOnTime: 0,
  };
}

/**
 * The biggest rises in interactions logged on the period before. Someone with nothing the period
 * before (a first week) has no rise to measure: they are new, not improved.
 */
export function mostImproved(people: PersonFigures[], limit: number): PersonFigures[] {
  return people
    .filter((p) => p.previousInteractions > 0 && p.interactions > p.previousInteractions)
    .sort((a, b) => b.interactions - b.previousInteractions - (a.interactions - a.previousInteractions))
    .slice(0, limit);
}

export function createReportService(deps: ReportDeps) {
  const { reports } = deps;

  const teamOf = (settings: WorkspaceSettings, memberId: string) =>
    settings.people.find((p) => p.id === memberId)?.teamId ?? null;

  /** The digest's scope for a person: directors and admins the workspace, managers their team. */
  function digestScope(settings: WorkspaceSettings, member: Pick<Member, "id" | "role" | "workspaceId">): ReportScope {
    if (member.role === "director" || member.role === "admin") return { workspaceId: member.workspaceId };
    const teamId = teamOf(settings, member.id);
    if (member.role === "manager" && teamId) return { workspaceId: member.workspaceId, teamId };
    throw new DomainError(member.role === "manager" ? "reportNeedsTeam" : "reportManagersOnly");
  }

  /** The period's figures (volumes, reasons, escalations, follow-ups, retention), one query each, at once. */
  /** The figures, and each person's recovery after complaints (the teams' lines add them up). */
  async function figuresOf(scope: ReportScope, period: Period): Promise<[ReportFigures, RecoveryByPerson]> {
    const [volumes, topReasons, escalations, followUps, retention, reasonCategories, rootCauses, recovery] =
      await Promise.all([
        reports.volumes(scope, period, period.previous),
        reports.topComplaintReasons(scope, period, LISTED),
        reports.escalations(scope, period),
        reports.followUps(scope, period),
        reports.retention(scope, period),
        reports.reasonCategories(scope, period, period.previous, CATEGORIES_LISTED),
        reports.rootCauses(scope, period, period.previous, ROOT_CAUSES_LISTED),
        reports.recoveryByPerson(scope, period, period.previous, deps.now()),
      ]);
    const figures: ReportFigures = {
      volume: volumes.current,
      previousVolume: volumes.previous,
      topReasons,
      reasonCategories,
      rootCauses,
      recovery: sumRecovery([...recovery.values()]),
      escalations,
      followUps,
      retention,
    };
    return [figures, recovery];
  }

  async function buildDigest(scope: ReportScope, period: Period, timeZone: string): Promise<Digest> {
    const settings = await deps.settings.load(scope.workspaceId);
    const weeks = weeksUpTo(weekAt(period.from, timeZone), CHART_WEEKS);
    const [[figures, recovery], people, weekly, targets, deadlines] = await Promise.all([
      figuresOf(scope, period),
      reports.people(scope, period, period.previous, deps.now()),
      reports.weeklyKinds(
        scope,
        weeks.map((w) => {
          const span = weekSpan(w.year, w.week, timeZone);
          return { ...span, to: span.to < period.to ? span.to : period.to, label: mondayIso(w) };
        }),
      ),
      deps.targets.list(scope.workspaceId),
      scope.teamId
        ? Promise.resolve(new Map<string, { due: number; metOnTime: number }>())
        : reports.deadlinesByTeam(scope, period),
    ]);

    const teams: TeamLine[] = scope.teamId
      ? []
      : settings.teams.map((team) => {
          const members = people.filter((p) => p.teamId === team.id);
          const sum = (pick: (p: PersonFigures) => number) => members.reduce((n, p) => n + pick(p), 0);
          return {
            teamId: team.id,
            name: team.name,
            interactions: sum((p) => p.interactions),
            previousInteractions: sum((p) => p.previousInteractions),
            complaints: sum((p) => p.complaints),
            followUpsDue: sum((p) => p.followUpsDue),
            followUpsOnTime: sum((p) => p.followUpsOnTime),
            deadlinesDue: deadlines.get(team.id)?.due ?? 0,
            deadlinesMet: deadlines.get(team.id)?.metOnTime ?? 0,
            recovery: sumRecovery(
              settings.people
                .filter((p) => p.teamId === team.id)
                .flatMap((p) => {
                  const found = recovery.get(p.id);
                  return found ? [found] : [];
                }),
            ),
          };
        });
    const improved = mostImproved(people, LISTED);
    const needing = people.filter((p) => p.overdueNow > 0).sort((a, b) => b.overdueNow - a.overdueNow);
    const counts = new Map<string, Digest["weeks"][number]["counts"]>();
    for (const row of weekly) {
      const c = counts.get(row.week) ?? {};
      c[row.kind] = (c[row.kind] ?? 0) + row.count;
      counts.set(row.week, c);
    }
    const team = scope.teamId ? settings.teams.find((t) => t.id === scope.teamId) : undefined;
    return {
      team: team ? { id: team.id, name: team.name } : null,
      period,
      timeZone,
      figures,
      targets: progressAgainst(targets, figures),
      teams,
      improved,
      support: needing.slice(0, LISTED),
      moreSupport: Math.max(0, needing.length - LISTED),
      weeks: weeks.map((w) => ({ monday: mondayIso(w), counts: counts.get(mondayIso(w)) ?? {} })),
      quiet:
        figures.volume.total === 0 &&
        figures.escalations.opened === 0 &&
        figures.escalations.decided === 0 &&
        figures.followUps.due === 0,
    };
  }

  const timeZoneOf = (settings: WorkspaceSettings, member: Member) => member.timeZone ?? settings.timeZone;

  function periodOf(text: string, timeZone: string, fallback: "week" | "last") {
    const period = parsePeriod(text, deps.now(), timeZone, fallback);
    if (!period) throw new DomainError("reportBadPeriod", { text: text.trim() });
    return period;
  }

  return {
    buildDigest,

    /** The customer card's recovery line: their latest complaints, and whether each won them back. */
    customerRecovery: (workspaceId: string, customerId: string) =>
      reports.customerRecovery(workspaceId, customerId, deps.now(), CARD_COMPLAINTS),

    /** Whose figures a person's weekly digest holds. */
    async scopeOf(member: Pick<Member, "id" | "role" | "workspaceId">): Promise<ReportScope> {
      return digestScope(await deps.settings.load(member.workspaceId), member);
    },

    /** `/rapport digest [week|last|2026-W47]`: a director's or a manager's digest. */
    async digestFor(member: Member, periodText: string): Promise<Digest> {
      const settings = await deps.settings.load(member.workspaceId);
      const scope = digestScope(settings, member);
      const timeZone = timeZoneOf(settings, member);
      return buildDigest(scope, periodOf(periodText, timeZone, "week"), timeZone);
    },

    /** `/rapport review @person [period]`: their figures beside their team's median. */
    async review(viewer: Member, subjectId: string, periodText: string): Promise<Review> {
      const settings = await deps.settings.load(viewer.workspaceId);
      const subject = settings.people.find((p) => p.id === subjectId);
      if (!subject) throw new DomainError("reportUnknownPerson");
      const sameTeam = subject.teamId !== null && subject.teamId === teamOf(settings, viewer.id);
      const allowed =
        viewer.id === subjectId ||
        viewer.role === "director" ||
        viewer.role === "admin" ||
        (viewer.role === "manager" && sameTeam);
      if (!allowed) throw new DomainError("reportNotYourTeam");
      const timeZone = timeZoneOf(settings, viewer);
      const period = periodOf(periodText, timeZone, "last");
      const scope: ReportScope = { workspaceId: viewer.workspaceId, teamId: subject.teamId };
      // The scope is the subject's team; someone in no team is measured against themselves alone.
      const own: ReportScope = { workspaceId: viewer.workspaceId, memberId: subjectId };
      const [everyone, away, categories, rootCauses, recovery] = await Promise.all([
        reports.people(scope, period, period.previous, deps.now()),
        absencesWithin(deps.absences, viewer.workspaceId, subject, period, subject.timeZone ?? settings.timeZone),
        reports.reasonCategories(own, period, period.previous, CATEGORIES_LISTED),
        reports.rootCauses(own, period, period.previous, ROOT_CAUSES_LISTED),
        reports.recoveryByPerson(own, period, period.previous, deps.now()),
      ]);
      const found = everyone.find((p) => p.memberId === subjectId);
      // Nothing logged, due or raised in the period: their figures are zeros, not an unknown person.
      const person = found ?? noFigures(subject);
      // Beside their team's median, or alone when they are in no team.
      const withThem = found ? everyone : [...everyone, person];
      const people = subject.teamId ? withThem : [person];
      const teammates = people.map(ratesOf);
      const pick = (key: keyof ReviewRates) => median(teammates.map((r) => r[key]));
      return {
        person,
        period,
        timeZone,
        teamName: settings.teams.find((t) => t.id === subject.teamId)?.name ?? null,
        teamSize: teammates.length,
        rates: ratesOf(person),
        ...away,
        reasonCategories: categories,
        rootCauses,
        recovery: sumRecovery([...recovery.values()]),
        median: {
          interactions: pick("interactions"),
          complaintsResolvedPct: pick("complaintsResolvedPct"),
          escalationRatePct: pick("escalationRatePct"),
          followUpsOnTimePct: pick("followUpsOnTimePct"),
          satisfiedPct: pick("satisfiedPct"),
        },
      };
    },

    /**
     * The digest's figures for a week (or month) in the workspace's time zone, for the whole
     * workspace or one team by name: what the API's weekly report answers.
     */
    async weekly(workspaceId: string, periodText: string, teamName: string | undefined): Promise<Digest> {
      const settings = await deps.settings.load(workspaceId);
      const team = teamName ? settings.teams.find((t) => t.name.toLowerCase() === teamName.toLowerCase()) : undefined;
      if (teamName && !team) throw new DomainError("unknownTeam", { name: teamName });
      const period = periodOf(periodText, settings.timeZone, "last");
      return buildDigest({ workspaceId, ...(team ? { teamId: team.id } : {}) }, period, settings.timeZone);
    },

    /**
     * `/rapport export [period] [team]`: what the person may export. Directors and admins:
     * everything or one team; managers: their team; agents: what they logged themselves.
     */
    async exportFor(member: Member, periodText: string, teamName: string | undefined) {
      const settings = await deps.settings.load(member.workspaceId);
      const timeZone = timeZoneOf(settings, member);
      const period = periodOf(periodText, timeZone, "last");
      const named = teamName ? settings.teams.find((t) => t.name.toLowerCase() === teamName.toLowerCase()) : undefined;
      if (teamName && !named) throw new DomainError("unknownTeam", { name: teamName });
      const ownTeam = teamOf(settings, member.id);
      let filter: { teamId?: string; authorId?: string } = {};
      if (member.role === "director" || member.role === "admin") filter = named ? { teamId: named.id } : {};
      else if (member.role === "manager" && ownTeam && (!named || named.id === ownTeam)) filter = { teamId: ownTeam };
      else if (member.role === "manager" && named) throw new DomainError("reportNotYourTeam");
      else filter = { authorId: member.id };
      const [interactions, escalations] = await Promise.all([
        deps.exports.interactions(member.workspaceId, period, filter),
        deps.exports.escalations(member.workspaceId, period, filter),
      ]);
      return { period, timeZone, interactions, escalations, team: named?.name ?? null };
    },

    /**
     * This week so far, in the person's time zone: the figures of `scope` (the workspace
     * unless given) and the targets against them. The App Home and `/rapport target` show it.
     */
    async thisWeek(member: Member, scope: ReportScope = { workspaceId: member.workspaceId }) {
      const settings = await deps.settings.load(member.workspaceId);
      const [figures, targets] = await Promise.all([
        figuresOf(scope, periodOf("week", timeZoneOf(settings, member), "week")).then(([figures]) => figures),
        deps.targets.list(member.workspaceId),
      ]);
      return { figures, targets: progressAgainst(targets, figures) };
    },

    /** Directors (and admins) set the targets, and when the weekly digest goes out. */
    async setTarget(member: Member, metric: Metric, value: number | null) {
      if (member.role !== "director" && member.role !== "admin") throw new DomainError("targetDirectorsOnly");
      if (value === null) await deps.targets.clear(member.workspaceId, metric, member.id);
      else await deps.targets.set(member.workspaceId, { metric, value }, member.id);
    },

    async setDigestSchedule(
      member: Member,
      schedule: { digestWeekday?: number; digestMinute?: number; digestForManagers?: boolean },
    ) {
      if (member.role !== "director" && member.role !== "admin") throw new DomainError("targetDirectorsOnly");
      await deps.schedule.setSchedule(member.workspaceId, schedule);
    },
  };
}
