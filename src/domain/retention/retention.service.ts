import type { AbsenceRepository } from "../absences/absence.repository.js";
import { addDays } from "../absences/absence-range.parser.js";
import { awayToday, type CoverFinder } from "../absences/cover.js";
import { Errors } from "../errors.js";
import { fromZoned } from "../escalations/business-calendar.js";
import type { PersonRef } from "../escalations/escalation.types.js";
import { isWorkingTime } from "../follow-ups/follow-up.service.js";
import type { Member } from "../members/member.types.js";
import { attemptOf, mayHavePosted } from "../outbound.js";
import type { SettingsRepository } from "../workspace-settings/settings.repository.js";
import { calendarFor, calendarOf, settingsPerTick } from "../workspace-settings/settings.service.js";
import type { RetentionNotifier } from "./retention.notifier.js";
import type { RetentionRepository } from "./retention.repository.js";
import { evaluate, type Finding } from "./retention.rules.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const LEASE_MS = 2 * 60 * 1000;
// Customers are looked at this many at a time: each page is a short query and a short piece of work.
const STATS_PAGE = 500;
export const RETENTION_SNOOZE_DAYS = 7;

/** The first instant of a local day (YYYY-MM-DD) in `timeZone`. */
const startOfDay = (day: string, timeZone: string) => {
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  return fromZoned({ year, month, day: date }, 0, timeZone);
};

export interface RetentionDeps {
  retention: RetentionRepository;
  settings: SettingsRepository;
  notifier: RetentionNotifier;
  /** Who covers for an owner who is away. */
  coverFor: CoverFinder;
  absences: Pick<AbsenceRepository, "awayOn">;
  now: () => Date;
  log: (message: string, context: Record<string, unknown>) => void;
}

/** Nudges one owner gets in one (hourly) pass at most: an import's backlog arrives a few at a time. */
export const NUDGES_PER_OWNER_PER_TICK = 10;

export function createRetentionService(deps: RetentionDeps) {
  const { retention } = deps;
  return {
    /**
     * One tick: find who crossed a threshold (lapsed, at risk), record it, and
     * nudge the owner — or the managers of the team that last spoke with the
     * customer — once per crossing, in their working hours.
     */
    async processRetention(): Promise<{ findings: number; nudged: number }> {
      const now = deps.now();
      let findings = 0;
      for (const workspace of await retention.workspaces()) {
        const windowStart = new Date(now.getTime() - workspace.atRiskWindowDays * DAY_MS);
        let after: string | null = null;
        for (;;) {
          const stats = await retention.stats(workspace.id, windowStart, after, STATS_PAGE);
          const byCustomer = new Map<string, Finding[]>();
          for (const s of stats) {
            const found = evaluate(s, workspace, now);
            if (found.length) byCustomer.set(s.customerId, found);
            findings += found.length;
          }
          const ids = stats.map((s) => s.customerId);
          if (ids.length) await retention.sync(workspace.id, ids, byCustomer, now);
          if (stats.length < STATS_PAGE) break;
          after = ids[ids.length - 1] ?? null;
        }
        await retention.clearInactive(workspace.id, now);
      }
      let nudged = 0;
      // Nudges an away owner's cover got, still open now the owner is back, come due for the owner.
      await retention.handBack(now);
      const settingsOf = settingsPerTick(deps.settings);
      for (const row of await retention.dueNudges(now, 200, NUDGES_PER_OWNER_PER_TICK)) {
        const settings = await settingsOf(row.workspaceId);
        const people = settings.people;
        const ref = (p: { id: string; slackUserId: string }): PersonRef => ({
          id: p.id,
          slackUserId: p.slackUserId,
          displayName: null,
        });
        const owner = row.ownerId ? people.find((p) => p.id === row.ownerId) : undefined;
        // An owner who is away: their cover gets it instead, saying for whom.
        const covered = owner ? await deps.coverFor(settings, owner, now) : null;
        const to = covered?.cover ?? owner;
        const managers = people.filter((p) => p.role === "manager" && p.teamId !== null && p.teamId === row.teamId);
        // Managers who are away are left out, unless all of them are.
        const away = to ? new Set<string>() : await awayToday(deps.absences, settings, managers, now);
        const present = managers.filter((m) => !away.has(m.id));
        const recipients = (to ? [to] : present.length ? present : managers).map(ref);
        if (recipients.length === 0) continue;
        // The owner (or their cover) in their own hours; a team's managers in the workspace's.
        if (!isWorkingTime(now, to ? calendarFor(settings, to) : calendarOf(settings))) continue;
        const coverFor = covered && owner ? { owner: ref(owner), awayUntil: covered.awayUntil } : null;
        // Back for the owner when they return (their first day back, in their zone), if still open.
        const handOver =
          covered && owner
            ? {
                id: covered.cover.id,
                handBackAt: startOfDay(addDays(covered.awayUntil, 1), owner.timeZone ?? settings.timeZone),
              }
            : null;
        const lease = await retention.lease(row, now, new Date(now.getTime() + LEASE_MS));
        if (!lease) continue;
        const attempt = attemptOf(lease, LEASE_MS);
        try {
          // Came due again while the owner's absence was extended: the cover has it already.
          const coverHasIt = handOver !== null && handOver.id === row.coverId;
          if (!coverHasIt)
            for (const recipient of recipients) await deps.notifier.nudge(row, recipient, attempt, coverFor);
          await retention.markNudged(row.id, now, handOver);
          if (!coverHasIt) nudged++;
        } catch (error) {
          // When Slack may have posted it anyway, the lease runs out and the next attempt looks first.
          if (!mayHavePosted(error)) await retention.release(row.id);
          deps.log("retention nudge not delivered; will retry", { condition: row.id, error: String(error) });
        }
      }
      return { findings, nudged };
    },

    async snooze(workspaceId: string, id: string, actor: Member) {
      const row = await retention.get(workspaceId, id);
      if (!row) throw Errors.customerNotFound("");
      const until = new Date(deps.now().getTime() + RETENTION_SNOOZE_DAYS * DAY_MS);
      await retention.snooze(row.id, actor.id, until);
      return { row, until };
    },

    async markChurned(workspaceId: string, id: string, actor: Member) {
      const row = await retention.get(workspaceId, id);
      if (!row) throw Errors.customerNotFound("");
      await retention.markChurned(workspaceId, row.customerId, actor.id, deps.now());
      return row;
    },

    get: (workspaceId: string, id: string) => retention.get(workspaceId, id),
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
