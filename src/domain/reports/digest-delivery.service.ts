// The weekly digest: each director (and each manager, when the workspace turns it
// on) gets last week's digest at the set weekday and hour of their own time zone,
// exactly once, across instances and restarts. A week whose moment passed while
// the app was down is sent when it is back, marked late.
import { fromZoned, zoned } from "../escalations/business-calendar.js";
import type { Member } from "../members/member.types.js";
import { attemptOf, mayHavePosted, RateLimited } from "../outbound.js";
import type { DigestNotifier } from "./digest.notifier.js";
import type { DigestDeliveryRepository, DigestWorkspace } from "./digest-delivery.repository.js";
import type { ReportService } from "./report.service.js";
import { isoWeekOf, mondayOfIsoWeek, parsePeriod, weekBefore, weekLabel } from "./report-period.js";

const LEASE_MS = 5 * 60_000;
/** Sent more than this after its moment: the digest says it is late. */
export const LATE_AFTER_MS = 60 * 60_000;
const BATCH = 50;
const MAX_BACKOFF_MS = 30 * 60_000;

export interface DigestDeliveryDeps {
  deliveries: DigestDeliveryRepository;
  reports: ReportService;
  notifier: DigestNotifier;
  now: () => Date;
  instanceId: string;
  log: (message: string, context: Record<string, unknown>) => void;
}

/** The most recent digest moment at or before `now` in `timeZone`, and the week it reports on. */
export function lastDigestMoment(now: Date, timeZone: string, weekday: number, minute: number) {
  let week = isoWeekOf(zoned(now, timeZone));
  for (let i = 0; i < 2; i++) {
    const monday = mondayOfIsoWeek(week.year, week.week);
    const day = new Date(Date.UTC(monday.year, monday.month - 1, monday.day + weekday - 1));
    const at = fromZoned(
      { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() },
      minute,
      timeZone,
    );
    if (at <= now) return { at, week: weekBefore(week) };
    week = weekBefore(week);
  }
  throw new Error("no digest moment in the last two weeks");
}

export function createDigestDeliveryService(deps: DigestDeliveryDeps) {
  const { deliveries } = deps;

  function dueRows(workspace: DigestWorkspace, now: Date) {
    return workspace.recipients.flatMap((person) => {
      const moment = lastDigestMoment(
        now,
        person.timeZone ?? workspace.timeZone,
        workspace.digestWeekday,
        workspace.digestMinute,
      );
      // Nobody gets a digest for a week before they were here.
      if (person.createdAt > moment.at) return [];
      return [
        {
          workspaceId: workspace.id,
          memberId: person.id,
          week: weekLabel(moment.week),
          dueAt: moment.at,
          late: now.getTime() - moment.at.getTime() > LATE_AFTER_MS,
        },
      ];
    });
  }

  return {
    async processDigests(): Promise<{ sent: number; retried: number }> {
      const now = deps.now();
      const workspaces = await deliveries.workspaces();
      await deliveries.ensure(workspaces.flatMap((w) => dueRows(w, now)));
      const byWorkspace = new Map(workspaces.map((w) => [w.id, w]));
      let sent = 0;
      let retried = 0;
      for (const row of await deliveries.due(now, BATCH)) {
        const workspace = byWorkspace.get(row.workspaceId);
        const person = workspace?.recipients.find((p) => p.id === row.memberId);
        if (!workspace || !person) {
          await deliveries.drop(row.id);
          continue;
        }
        const lease = await deliveries.lease(row.id, now, new Date(now.getTime() + LEASE_MS), deps.instanceId);
        if (!lease) continue;
        try {
          const timeZone = person.timeZone ?? workspace.timeZone;
          const period = parsePeriod(row.week, now, timeZone);
          if (!period) throw new Error(`not a past week: ${row.week}`);
          const settingsScope = await deps.reports.scopeOf({
            id: person.id,
            role: person.role as Member["role"],
            workspaceId: workspace.id,
          });
          const digest = await deps.reports.buildDigest(settingsScope, period, timeZone);
          const attempt = row.unsure
            ? { unsureSince: new Date(row.dueAt.getTime() - LATE_AFTER_MS) }
            : attemptOf(lease, LEASE_MS);
          const posted = await deps.notifier.sendDigest(
            { slackUserId: person.slackUserId, workspaceId: workspace.id },
            digest,
            { id: row.id, late: row.late, dueAt: row.dueAt },
            attempt,
          );
          await deliveries.markSent(row.id, posted, deps.now());
          sent++;
        } catch (error) {
          retried++;
          const wait =
            error instanceof RateLimited
              ? error.retryAfterSeconds * 1000
              : Math.min(MAX_BACKOFF_MS, 30_000 * 2 ** Math.min(row.attempts, 6));
          deps.log("digest not sent; trying again later", { delivery: row.id, error: String(error) });
          await deliveries.retryLater(row.id, new Date(deps.now().getTime() + wait), mayHavePosted(error));
        }
      }
      return { sent, retried };
    },
  };
}
