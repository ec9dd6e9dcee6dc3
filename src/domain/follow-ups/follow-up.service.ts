import type { CoverFinder } from "../absences/cover.js";
import { DomainError, Errors } from "../errors.js";
import { type BusinessCalendar, fromZoned, isBusinessDay, localDay, zoned } from "../escalations/business-calendar.js";
import type { PersonRef } from "../escalations/escalation.types.js";
import { FOLLOW_UP_MAX_DAYS } from "../interactions/interaction.limits.js";
import type { InteractionService } from "../interactions/interaction.service.js";
import type { Interaction } from "../interactions/interaction.types.js";
import type { Member } from "../members/member.types.js";
import { attemptOf, mayHavePosted } from "../outbound.js";
import { clip } from "../text.js";
import type { EventSink } from "../webhooks/webhook.types.js";
import type { SettingsRepository } from "../workspace-settings/settings.repository.js";
import { calendarFor, calendarOf, settingsPerTick } from "../workspace-settings/settings.service.js";
import type { WorkspaceSettings } from "../workspace-settings/settings.types.js";
import type { Cover, FollowUpNotifier } from "./follow-up.notifier.js";
import type { FollowUpRepository } from "./follow-up.repository.js";
import type { FollowUpDetails, FollowUpOutcome, Snooze } from "./follow-up.types.js";
import type { When } from "./when.parser.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const LEASE_MS = 2 * 60 * 1000;
const BATCH = 100;

export interface FollowUpDeps {
  followUps: FollowUpRepository;
  settings: SettingsRepository;
  interactions: InteractionService;
  notifier: FollowUpNotifier;
  /** Who covers for an assignee who is away. */
  coverFor: CoverFinder;
  /** A team's agents at work today, least open work first: who takes work nobody was chosen for. */
  presentAgents(settings: WorkspaceSettings, teamId: string | null, now: Date): Promise<string[]>;
  /** Told when one is done (the webhooks). */
  events?: EventSink;
  now: () => Date;
  log: (message: string, context: Record<string, unknown>) => void;
}

/** Whether `at` is inside working hours for that calendar: nobody is nudged at 3 a.m. or on a day off. */
export function isWorkingTime(at: Date, calendar: BusinessCalendar): boolean {
  const local = zoned(at, calendar.timeZone);
  const date = { year: local.year, month: local.month, day: local.day };
  return (
    isBusinessDay(calendar, date, local.weekday) &&
    local.minutes >= calendar.dayStart &&
    local.minutes < calendar.dayEnd
  );
}

/** The first moment from `after` on that is working time in this calendar. */
export function nextWorkingStart(after: Date, calendar: BusinessCalendar): Date {
  if (isWorkingTime(after, calendar)) return after;
  const local = zoned(after, calendar.timeZone);
  for (let add = 0; add < 15; add++) {
    const day = new Date(Date.UTC(local.year, local.month - 1, local.day + add));
    const date = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
    const weekday = ((day.getUTCDay() + 6) % 7) + 1;
    if (!isBusinessDay(calendar, date, weekday)) continue;
    const start = fromZoned(date, calendar.dayStart, calendar.timeZone);
    if (start > after) return start;
  }
  return new Date(after.getTime() + DAY_MS);
}

/** Midnight starting the next day where the calendar's people are. */
function nextLocalDay(at: Date, timeZone: string): Date {
  const local = zoned(at, timeZone);
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day + 1));
  return fromZoned({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() }, 0, timeZone);
}

// A manager's overdue notice waits for every manager's working hours; after a day it goes to those at work.
const MANAGER_NOTICE_PATIENCE_MS = DAY_MS;
const MANAGER_RECHECK_MS = 30 * 60 * 1000;
// However long nothing can be sent, a row is looked at again within this (a time zone Slack changed).
const LONGEST_WAIT_MS = 6 * 60 * 60 * 1000;
const notAfter = (at: Date, now: Date) => new Date(Math.min(at.getTime(), now.getTime() + LONGEST_WAIT_MS));

/** When a snooze ends: in an hour, or at the start of the next working day / next week's first working day. */
export function snoozeUntil(snooze: Snooze | Date, now: Date, calendar: BusinessCalendar): Date {
  if (snooze instanceof Date) {
    const z = zoned(snooze, "UTC");
    return fromZoned({ year: z.year, month: z.month, day: z.day }, calendar.dayStart, calendar.timeZone);
  }
  if (snooze === "hour") return new Date(now.getTime() + 60 * 60 * 1000);
  const today = zoned(now, calendar.timeZone);
  const skip = snooze === "tomorrow" ? 1 : 8 - today.weekday; // next week starts on Monday
  for (let add = skip; add < skip + 14; add++) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + add));
    const date = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
    const weekday = ((day.getUTCDay() + 6) % 7) + 1;
    if (isBusinessDay(calendar, date, weekday)) return fromZoned(date, calendar.dayStart, calendar.timeZone);
  }
  return new Date(now.getTime() + skip * DAY_MS);
}

/** The moment a typed "when" means, in the person's calendar. */
export function resolveWhen(when: When, now: Date, calendar: BusinessCalendar): Date {
  if (when.kind === "in") return new Date(now.getTime() + when.minutes * 60_000);
  if (when.kind === "date") return snoozeUntil(new Date(`${when.date}T00:00:00Z`), now, calendar);
  const today = zoned(now, calendar.timeZone);
  const offset = when.kind === "day" ? when.offsetDays : ((when.weekday - today.weekday + 6) % 7) + 1;
  if (offset === 0) return now;
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
  return fromZoned(
    { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() },
    calendar.dayStart,
    calendar.timeZone,
  );
}

export function createFollowUpService(deps: FollowUpDeps) {
  const { followUps, notifier } = deps;

  async function mine(workspaceId: string, id: string, actor: Member): Promise<FollowUpDetails> {
    const f = await followUps.get(workspaceId, id);
    if (f?.status !== "pending") throw Errors.followUpNotFound();
    if (f.assignee.id !== actor.id && f.coverId !== actor.id && actor.role === "agent") throw Errors.notAllowed();
    return f;
  }

  /** Who gets it while its assignee is away today (their day): a present teammate, else a manager. */
  async function coverFor(f: FollowUpDetails, settings: WorkspaceSettings, now: Date) {
    const found = await deps.coverFor(settings, f.assignee, now);
    if (!found) return null;
    const cover: Cover = {
      person: { id: found.cover.id, slackUserId: found.cover.slackUserId, displayName: null },
      awayUntil: found.awayUntil,
    };
    return { cover, calendar: calendarFor(settings, found.cover) };
  }

  const settle = (f: FollowUpDetails, how: "done" | "snoozed" | "reassigned") =>
    notifier
      .settle(f, how)
      .catch((error: unknown) => deps.log("follow-up DM not updated", { followUp: f.id, error: String(error) }));

  return {
    get: (workspaceId: string, id: string) => followUps.get(workspaceId, id),

    /** A follow-up on a logged interaction, due in `days` days, for the person who asked. */
    addForInteraction(
      interaction: Interaction,
      assigneeId: string,
      days: number,
      note: string,
      escalationId: string | null = null,
      requestKey: string | null = null,
    ) {
      return followUps.create({
        requestKey,
        workspaceId: interaction.workspaceId,
        customerId: interaction.customerId,
        assigneeId,
        interactionId: interaction.id,
        escalationId,
        dueAt: new Date(deps.now().getTime() + days * DAY_MS),
        note,
      });
    },

    /** By hand: `/rapport followup <customer> <when>: <note>`, "when" read in the person's own calendar. */
    async addForCustomer(actor: Member, customerId: string, when: When, note: string) {
      const settings = await deps.settings.load(actor.workspaceId);
      const calendar = { ...calendarOf(settings), timeZone: actor.timeZone ?? settings.timeZone };
      const now = deps.now();
      const dueAt = resolveWhen(when, now, calendar);
      // From today to a year ahead, as the form allows: not 1900, not "in 999 weeks".
      if (dueAt.getTime() < now.getTime() - DAY_MS || dueAt.getTime() > now.getTime() + FOLLOW_UP_MAX_DAYS * DAY_MS)
        throw new DomainError("followUpWhenRange", { max: FOLLOW_UP_MAX_DAYS });
      return followUps.create({
        workspaceId: actor.workspaceId,
        customerId,
        assigneeId: actor.id,
        interactionId: null,
        dueAt,
        note,
      });
    },

    /**
     * One tick: DMs for follow-ups that came due, one reminder a working day for
     * overdue ones, the manager told past the workspace's overdueManagerDays — each only in the
     * assignee's working hours, each marked sent only after Slack took it.
     */
    async processDue(): Promise<{ delivered: number; reminded: number; managersTold: number }> {
      const now = deps.now();
      const result = { delivered: 0, reminded: 0, managersTold: 0 };
      const settingsOf = settingsPerTick(deps.settings);
      for (const f of await followUps.due(now, BATCH)) {
        const settings = await settingsOf(f.workspaceId);
        // While the assignee is away, the DM and its reminders go to their cover, in the cover's hours.
        const covered = await coverFor(f, settings, now);
        const cover = covered?.cover ?? null;
        const calendar = covered?.calendar ?? calendarFor(settings, f.assignee);
        const assigneeAtWork = isWorkingTime(now, calendar);
        const daysOverdue = Math.floor((now.getTime() - f.dueAt.getTime()) / DAY_MS);
        const firstDm = f.notifiedAt === null;
        const remindDue =
          !firstDm &&
          (f.lastRemindedAt === null ||
            localDay(f.lastRemindedAt, calendar.timeZone) !== localDay(now, calendar.timeZone));
        const managerDue = !firstDm && daysOverdue >= settings.days.overdueManagerDays && f.managerToldAt === null;
        const team = settings.people.filter(
          (p) => p.role === "manager" && p.teamId !== null && p.teamId === f.assignee.teamId,
        );
        // The notice reaches managers in their own working hours (it came at the assignee's 09:00,
        // 05:31 for a manager in Helsinki): all of them at once, or after a day's wait those at work.
        const atWork = team.filter((m) => isWorkingTime(now, calendarFor(settings, m)));
        const noticeWaited =
          now.getTime() - f.dueAt.getTime() - settings.days.overdueManagerDays * DAY_MS > MANAGER_NOTICE_PATIENCE_MS;
        const recipients = team.length === 0 ? [] : atWork.length === team.length || noticeWaited ? atWork : [];
        const tellManager = managerDue && (team.length === 0 ? assigneeAtWork : recipients.length > 0);
        const dmNow = (firstDm || remindDue) && assigneeAtWork;
        // When nothing more can be sent for it before then: the next reminder day, or the next working hours.
        const nextCheck = (): Date => {
          const next = [
            firstDm || remindDue
              ? nextWorkingStart(assigneeAtWork ? nextLocalDay(now, calendar.timeZone) : now, calendar)
              : nextWorkingStart(nextLocalDay(now, calendar.timeZone), calendar),
          ];
          if (managerDue && !tellManager) next.push(new Date(now.getTime() + MANAGER_RECHECK_MS));
          return new Date(Math.min(...next.map((d) => d.getTime())));
        };
        if (!dmNow && !tellManager) {
          await followUps.checkLater(f.id, notAfter(nextCheck(), now));
          continue;
        }
        const lease = await followUps.lease(f, now, new Date(now.getTime() + LEASE_MS));
        if (!lease) continue;
        const attempt = attemptOf(lease, LEASE_MS);
        try {
          if (firstDm) {
            const sent = await notifier.deliver(f, attempt, cover);
            await followUps.markDelivered(f.id, sent.channelId, sent.ts, now, cover?.person.id ?? null);
            result.delivered++;
          } else {
            if (remindDue && assigneeAtWork) {
              const holder = cover?.person.id ?? null;
              if (holder === f.coverId) {
                await notifier.remind(f, attempt, cover);
                await followUps.markReminded(f.id, now);
              } else {
                // Its DM is with someone else (the assignee went away, or came back): the DM anew to
                // whoever has it now, and the old one says it moved on.
                const sent = await notifier.handOver(f, attempt, cover);
                await followUps.markHandedOver(f.id, sent.channelId, sent.ts, now, holder);
                await settle(f, "reassigned");
              }
              result.reminded++;
            }
            if (tellManager) {
              const managers = recipients.map(
                (p): PersonRef => ({ id: p.id, slackUserId: p.slackUserId, displayName: null }),
              );
              await notifier.tellManagers(f, managers, daysOverdue, attempt);
              await followUps.markManagerTold(f.id, now);
              result.managersTold++;
            }
          }
          // Reminded today (and the managers told, or not yet): nothing to send before the next check.
          const waitForManagers = managerDue && !tellManager;
          await followUps.checkLater(
            f.id,
            waitForManagers
              ? new Date(now.getTime() + MANAGER_RECHECK_MS)
              : notAfter(nextWorkingStart(nextLocalDay(now, calendar.timeZone), calendar), now),
          );
        } catch (error) {
          // Nothing is marked. When Slack may have posted it anyway, the lease is left to run
          // out, and the next attempt looks for the message first; otherwise the next tick retries.
          if (!mayHavePosted(error)) await followUps.release(f.id);
          deps.log("follow-up not delivered; will retry", { followUp: f.id, error: String(error) });
        }
      }
      return result;
    },

    /** Done: the outcome is logged as an interaction with the customer. */
    async done(workspaceId: string, id: string, actor: Member, outcome: FollowUpOutcome, note: string) {
      const f = await mine(workspaceId, id, actor);
      const logged = await deps.interactions.log({
        workspaceId,
        authorId: actor.id,
        customer: { id: f.customer.id },
        kind: "feedback",
        channel: "phone",
        summary: clip(`${f.note}\n${note}`.trim(), 2_000),
        outcome: outcome === "not_satisfied" ? "pending" : "resolved",
        sentiment: outcome === "satisfied" ? "positive" : outcome === "not_satisfied" ? "negative" : null,
        occurredAt: deps.now(),
        requestKey: `followup:${f.id}`,
      });
      const completed = await followUps.complete(f.id, actor.id, outcome, deps.now());
      if (completed)
        await deps.events?.emit(workspaceId, "followUp.done", {
          id: f.id,
          customer: { id: f.customer.id, name: f.customer.name },
          assignee: { slackUserId: f.assignee.slackUserId },
          completedBy: { slackUserId: actor.slackUserId },
          outcome,
          note,
          dueAt: f.dueAt.toISOString(),
        });
      await settle({ ...f, status: "done", outcome }, "done");
      return { followUp: f, interaction: logged.interaction };
    },

    async snooze(workspaceId: string, id: string, actor: Member, snooze: Snooze | Date) {
      const f = await mine(workspaceId, id, actor);
      const calendar = calendarFor(await deps.settings.load(workspaceId), f.assignee);
      const until = snoozeUntil(snooze, deps.now(), calendar);
      await followUps.reschedule(f.id, actor.id, until);
      await settle({ ...f, dueAt: until }, "snoozed");
      return until;
    },

    /** To `assignee`, or (nobody chosen) to the assignee's teammate at work with the least open work. */
    async reassign(workspaceId: string, id: string, actor: Member, assignee: Member | null) {
      const f = await mine(workspaceId, id, actor);
      const to =
        assignee?.id ??
        (await deps.presentAgents(await deps.settings.load(workspaceId), f.assignee.teamId, deps.now())).find(
          (agentId) => agentId !== f.assignee.id,
        );
      if (!to) throw new DomainError("followUpNobodyToTake");
      await followUps.reassign(f.id, actor.id, to);
      await settle(f, "reassigned");
      return to;
    },
  };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
