import type { AbsenceRepository } from "../absences/absence.repository.js";
import { awayToday } from "../absences/cover.js";
import { DomainError } from "../errors.js";
import type { FollowUpService } from "../follow-ups/follow-up.service.js";
import type { InteractionService } from "../interactions/interaction.service.js";
import type { Member } from "../members/member.types.js";
import { type Attempt, attemptOf, mayHavePosted, NotDelivered } from "../outbound.js";
import { clip } from "../text.js";
import type { EventSink } from "../webhooks/webhook.types.js";
import type { SettingsRepository } from "../workspace-settings/settings.repository.js";
import { calendarOf, settingsPerTick } from "../workspace-settings/settings.service.js";
import type { WorkspaceSettings } from "../workspace-settings/settings.types.js";
import { addBusinessMinutes } from "./business-calendar.js";
import type { EscalationNotifier } from "./escalation.notifier.js";
import type { EscalationRepository } from "./escalation.repository.js";
import {
  type Decision,
  type EscalationDetails,
  type PersonRef,
  type RaiseEscalation,
  TRANSITIONS,
} from "./escalation.types.js";
import { pickRoute } from "./routing.js";

// Posting a card that failed is tried again after 1, 2, 4 … minutes, at most an hour apart.
// How long an instance holds a reminder or hand-off while it sends it.
const SEND_LEASE_MS = 2 * 60 * 1000;
const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 60 * 60_000;
const FIRST_POST_GRACE_MS = 5 * 60_000;
const BATCH = 50;

function deadlinesFrom(now: Date, settings: WorkspaceSettings, severity: EscalationDetails["severity"]) {
  const calendar = calendarOf(settings);
  const limit = settings.limits[severity];
  return { dueAt: addBusinessMinutes(now, limit, calendar), handoffAt: addBusinessMinutes(now, 2 * limit, calendar) };
}

export function retryDelay(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export interface EscalationDeps {
  escalations: EscalationRepository;
  settings: SettingsRepository;
  interactions: InteractionService;
  followUps: FollowUpService;
  notifier: EscalationNotifier;
  absences: Pick<AbsenceRepository, "awayOn">;
  /** Told when one is opened or decided (the webhooks). */
  events?: EventSink;
  now: () => Date;
  log: (message: string, context: Record<string, unknown>) => void;
}

/** What a webhook hears of an escalation. */
const escalationEvent = (e: EscalationDetails) => ({
  id: e.id,
  customer: { id: e.customer.id, name: e.customer.name },
  interactionId: e.interaction.id,
  status: e.status,
  severity: e.severity,
  reason: e.reason,
  requestedAction: e.requestedAction,
  amount: e.amount,
  raisedBy: { slackUserId: e.raisedBy.slackUserId },
  team: e.team ? { id: e.team.id, name: e.team.name } : null,
  dueAt: e.dueAt.toISOString(),
});

const personOf = (m: { id: string; slackUserId: string; displayName?: string | null }): PersonRef => ({
  id: m.id,
  slackUserId: m.slackUserId,
  displayName: m.displayName ?? null,
});

export function createEscalationService(deps: EscalationDeps) {
  const { escalations, notifier } = deps;

  const admins = (settings: WorkspaceSettings) => settings.people.filter((p) => p.role === "admin").map(personOf);

  /** The managers of a team (every manager when there is none). */
  const teamManagers = (settings: WorkspaceSettings, teamId: string | null) =>
    settings.people.filter((p) => p.role === "manager" && (!teamId || p.teamId === teamId));

  /**
   * Of a team's managers, those who are not away today (each their own day); `allAway` when it has
   * managers and every one of them is away.
   */
  async function presentManagers(settings: WorkspaceSettings, teamId: string | null, now: Date) {
    const managers = teamManagers(settings, teamId);
    const away = await awayToday(deps.absences, settings, managers, now);
    const present = managers.filter((m) => !away.has(m.id)).map(personOf);
    return { present, allAway: managers.length > 0 && present.length === 0 };
  }

  /** Only the team's managers or its director decide; with no team, any manager or director. */
  function mayDecide(settings: WorkspaceSettings, e: EscalationDetails, member: Member): boolean {
    const teamId = settings.people.find((p) => p.id === member.id)?.teamId ?? null;
    if (!e.team) return member.role === "manager" || member.role === "director";
    if (e.team.directorId === member.id) return true;
    return member.role === "manager" && teamId === e.team.id;
  }

  async function post(
    e: EscalationDetails,
    channelId: string,
    settings: WorkspaceSettings,
    attempt: Attempt = { unsureSince: null },
  ): Promise<EscalationDetails> {
    try {
      const posted = await notifier.postCard(e, channelId, attempt);
      await escalations.recordPosted(e.id, posted.channelId, posted.ts);
      return { ...e, channelId: posted.channelId, messageTs: posted.ts };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const retryAt = new Date(deps.now().getTime() + retryDelay(e.postAttempts + 1));
      await escalations.recordPostFailure(e.id, reason, retryAt);
      deps.log("escalation card not posted", { escalation: e.id, reason, retryAt });
      // The first refusal (Slack said why) is told to the agent and the admins; a 429, a 500 or a
      // time-out is only retried, looking first for a card that may have been posted after all.
      if (e.postAttempts === 0 && error instanceof NotDelivered)
        await notifier.postFailed(e, reason, admins(settings), retryAt).catch(() => {});
      return e;
    }
  }

  async function mustGet(workspaceId: string, id: string): Promise<EscalationDetails> {
    const e = await escalations.get(workspaceId, id);
    if (!e) throw new DomainError("escalationNotFound");
    return e;
  }

  return {
    /** Stores and routes the escalation; `publish` then posts its card. */
    /** Stores it; `created` is false when its request key had raised it already (a second submission). */
    async raise(
      input: RaiseEscalation,
      raisedBy: Member,
    ): Promise<{ escalation: EscalationDetails; created: boolean }> {
      const interaction = await deps.interactions.get(input.workspaceId, input.interactionId);
      const settings = await deps.settings.load(input.workspaceId);
      const teamId = settings.people.find((p) => p.id === raisedBy.id)?.teamId ?? null;
      const team = settings.teams.find((t) => t.id === teamId) ?? null;
      const tier = await escalations.customerTier(input.workspaceId, interaction.customerId);
      const route = pickRoute(settings.routes, { teamId, kind: interaction.kind, severity: input.severity, tier });
      const now = deps.now();
      const limit = settings.limits[input.severity];
      const calendar = calendarOf(settings);
      // With every manager away, its reminder is due at once, and that hands it to the director.
      const { allAway } = await presentManagers(settings, route?.teamId ?? teamId, now);
      const raised = await escalations.create({
        ...input,
        customerId: interaction.customerId,
        teamId: route?.teamId ?? teamId,
        channelId: route?.channelId ?? team?.managersChannelId ?? null,
        dueAt: allAway ? now : addBusinessMinutes(now, limit, calendar),
        handoffAt: addBusinessMinutes(now, 2 * limit, calendar),
        // A safety net: if the instance dies while posting the card, the scheduler posts it.
        postBy: new Date(now.getTime() + FIRST_POST_GRACE_MS),
      });
      if (raised.created)
        await deps.events?.emit(input.workspaceId, "escalation.opened", escalationEvent(raised.escalation));
      return raised;
    },

    /** Posts the card where it was routed; with no managers' channel, says what is missing. A failed post is retried later. */
    async publish(e: EscalationDetails): Promise<EscalationDetails> {
      const settings = await deps.settings.load(e.workspaceId);
      if (!e.channelId) {
        await notifier.noRoute(e, admins(settings));
        return e;
      }
      return post(e, e.channelId, settings);
    },

    /** Refuses (politely, through the error reporter) anyone who may not decide on it. */
    async assertMayDecide(workspaceId: string, id: string, member: Member): Promise<EscalationDetails> {
      const e = await mustGet(workspaceId, id);
      if (!mayDecide(await deps.settings.load(workspaceId), e, member)) throw new DomainError("notAllowedEscalation");
      return e;
    },

    get: mustGet,
    findByMessage: (workspaceId: string, channelId: string, ts: string) =>
      escalations.findByMessage(workspaceId, channelId, ts),

    /**
     * A manager (or the agent, to cancel) acts. Refused politely when not allowed;
     * when another decision came first, says who made it.
     */
    async decide(
      workspaceId: string,
      id: string,
      actor: Member,
      decision: Decision,
      note: string | null,
      assignee?: Member,
    ) {
      const e = await mustGet(workspaceId, id);
      const settings = await deps.settings.load(workspaceId);
      // The agent cancels their own; the agent or a manager re-opens; managers decide the rest.
      const allowed =
        decision === "cancel"
          ? actor.id === e.raisedBy.id
          : decision === "reopen"
            ? actor.id === e.raisedBy.id || mayDecide(settings, e, actor)
            : mayDecide(settings, e, actor);
      if (!allowed) {
        throw new DomainError("notAllowedEscalation");
      }
      if (decision === "reassign" && (!assignee || !mayDecide(settings, e, assignee)))
        throw new DomainError("assigneeNotManager");
      const rule = TRANSITIONS[decision];
      if (!rule.from.includes(e.status)) throw alreadyDecided(e);
      const to = rule.to === "same" ? e.status : rule.to;
      const claimedById = decision === "claim" ? actor.id : decision === "reassign" ? assignee?.id : undefined;
      const updated = await escalations.transition(e, {
        decision,
        from: rule.from,
        to,
        actorId: actor.id,
        note,
        claimedById: decision === "reopen" ? null : claimedById,
        now: deps.now(),
        ...(decision === "reopen" ? { deadlines: deadlinesFrom(deps.now(), settings, e.severity) } : {}),
      });
      if (!updated) throw alreadyDecided(await mustGet(workspaceId, id));
      if (decision === "approve" || decision === "resolve") {
        const interaction = await deps.interactions.get(workspaceId, e.interaction.id);
        await deps.followUps.addForInteraction(
          interaction,
          e.raisedBy.id,
          settings.days.satisfactionDays,
          // The note is what was asked; the DM says it is a satisfaction check, in the reader's language.
          clip(e.reason, 500),
          e.id,
        );
      }
      if (["approve", "reject", "resolve", "cancel"].includes(decision))
        await deps.events?.emit(workspaceId, "escalation.decided", {
          ...escalationEvent(updated),
          decision,
          decidedBy: { slackUserId: actor.slackUserId },
          note,
        });
      const event = { decision, actor: personOf(actor), note, from: e.status, to };
      // Slack being slow or down must not undo a decision already stored.
      await notifier
        .updateCard(updated)
        .catch((error: unknown) => deps.log("card not updated", { escalation: id, error: String(error) }));
      await notifier
        .announce(updated, event)
        .catch((error: unknown) => deps.log("decision not announced", { escalation: id, error: String(error) }));
      return updated;
    },

    /** One scheduler tick: reminders, director hand-offs and card retries that are due. */
    async processDue(): Promise<{ reminded: number; handedOff: number; reposted: number }> {
      const now = deps.now();
      const settingsOf = settingsPerTick(deps.settings);
      let reminded = 0;
      let handedOff = 0;
      let reposted = 0;
      const until = new Date(now.getTime() + SEND_LEASE_MS);
      // Each is marked only once Slack took it; when a failure may still have posted, the lease
      // is left to run out and the next attempt looks for the message first.
      for (const lease of await escalations.leaseDueReminders(now, until, BATCH)) {
        try {
          const e = await findAnywhere(lease.id);
          const settings = await settingsOf(e.workspaceId);
          const { present, allAway } = await presentManagers(settings, e.team?.id ?? null, now);
          if (allAway) {
            // Every manager is away: the director hears of it now, not after twice the limit.
            await escalations.markReminded(lease.id, now, true);
            continue;
          }
          // Managers who are away are not named.
          await notifier.remind(e, present, attemptOf(lease, SEND_LEASE_MS));
          await escalations.markReminded(lease.id, now);
          reminded++;
        } catch (error) {
          if (!mayHavePosted(error)) await escalations.releaseReminder(lease.id);
          deps.log("reminder failed; will retry", { escalation: lease.id, error: String(error) });
        }
      }
      for (const lease of await escalations.leaseDueHandoffs(now, until, BATCH)) {
        try {
          const full = await findAnywhere(lease.id);
          const settings = await settingsOf(full.workspaceId);
          const team = settings.teams.find((t) => t.id === full.team?.id);
          const director = team?.directorId ? settings.people.find((p) => p.id === team.directorId) : undefined;
          const { allAway } = await presentManagers(settings, full.team?.id ?? null, now);
          await notifier.handToDirector(
            full,
            director ? personOf(director) : null,
            team?.directorChannelId ?? null,
            attemptOf(lease, SEND_LEASE_MS),
            allAway ? "managersAway" : "limit",
          );
          await escalations.markHandedOff(lease.id, now);
          handedOff++;
        } catch (error) {
          if (!mayHavePosted(error)) await escalations.releaseHandoff(lease.id);
          deps.log("director hand-off failed; will retry", { escalation: lease.id, error: String(error) });
        }
      }
      const lease = new Date(now.getTime() + RETRY_MAX_MS);
      for (const id of await escalations.claimDuePosts(now, lease, BATCH)) {
        const e = await findAnywhere(id);
        const settings = await settingsOf(e.workspaceId);
        if (!e.channelId) continue;
        // A retry may follow an attempt that posted without recording it: look first.
        const after = await post(e, e.channelId, settings, { unsureSince: e.createdAt });
        if (after.messageTs) reposted++;
      }
      return { reminded, handedOff, reposted };
    },
  };

  async function findAnywhere(id: string): Promise<EscalationDetails> {
    const e = await escalations.getById(id);
    if (!e) throw new DomainError("escalationNotFound");
    return e;
  }
}

function alreadyDecided(e: EscalationDetails): DomainError {
  const by = e.decidedBy ?? e.claimedBy;
  return new DomainError("alreadyDecided", { status: e.status, by: by?.slackUserId ?? "" });
}

export type EscalationService = ReturnType<typeof createEscalationService>;
