import { Errors } from "../errors.js";
import type { Role } from "../members/member.types.js";
import { type EventSink, noEvents } from "../webhooks/webhook.types.js";
import { UNDO_WINDOW_MS } from "./interaction.limits.js";
import type { InteractionRepository } from "./interaction.repository.js";
import type { CustomerContext, Interaction, InteractionChanges, LogInteraction } from "./interaction.types.js";

// Days after a resolved complaint, or an approved or resolved escalation, when the customer is asked if
// they are satisfied, unless the workspace set its own.
export const DEFAULT_SATISFACTION_DAYS = 3;

export interface Actor {
  memberId: string;
  role: Role;
}

export interface LoggedInteraction {
  interaction: Interaction;
  context: CustomerContext;
  /** False when this request had already been handled (a retry or a double click). */
  created: boolean;
}

// The author may change their own interaction; managers, directors and admins
// anyone's; and anyone may correct what the app logged from an intake channel.
export function mayChange(actor: Actor, interaction: Pick<Interaction, "authorId" | "fromIntake">): boolean {
  return actor.memberId === interaction.authorId || actor.role !== "agent" || interaction.fromIntake;
}

/** What a webhook hears of an interaction. */
export const interactionEvent = (i: Interaction) => ({
  id: i.id,
  customer: { id: i.customerId, name: i.customerName },
  kind: i.kind,
  channel: i.channel,
  summary: i.summary,
  outcome: i.outcome,
  occurredAt: i.occurredAt.toISOString(),
  author: { slackUserId: i.authorSlackUserId },
});

export function createInteractionService(
  interactions: InteractionRepository,
  now: () => Date = () => new Date(),
  satisfactionDays: (workspaceId: string) => Promise<number> = async () => DEFAULT_SATISFACTION_DAYS,
  /** Told of each interaction logged (the webhooks). */
  events: EventSink = noEvents,
) {
  async function existing(workspaceId: string, id: string): Promise<Interaction> {
    const interaction = await interactions.get(workspaceId, id);
    if (!interaction || interaction.deletedAt) throw Errors.interactionNotFound();
    return interaction;
  }

  return {
    async log(input: LogInteraction): Promise<LoggedInteraction> {
      // A complaint logged as resolved gets a satisfaction check a few days later.
      const satisfactionCheck = input.kind === "complaint" && input.outcome === "resolved" && !input.followUpInDays;
      const logged = await interactions.log(
        satisfactionCheck ? { ...input, followUpInDays: await satisfactionDays(input.workspaceId) } : input,
        now(),
      );
      if (logged.created)
        await events.emit(input.workspaceId, "interaction.logged", interactionEvent(logged.interaction));
      return logged;
    },

    get: existing,

    /** Whether the Undo button still works for this person. */
    canUndo(actor: Actor, interaction: Interaction): boolean {
      return (
        actor.memberId === interaction.authorId && now().getTime() - interaction.createdAt.getTime() <= UNDO_WINDOW_MS
      );
    },

    async undo(workspaceId: string, id: string, actor: Actor): Promise<Interaction> {
      const interaction = await existing(workspaceId, id);
      if (actor.memberId !== interaction.authorId) throw Errors.notAllowed();
      if (now().getTime() - interaction.createdAt.getTime() > UNDO_WINDOW_MS)
        throw Errors.undoExpired(UNDO_WINDOW_MS / 60_000);
      return interactions.softDelete(workspaceId, id, actor.memberId, now(), "undone");
    },

    async edit(workspaceId: string, id: string, actor: Actor, changes: InteractionChanges): Promise<LoggedInteraction> {
      const before = await existing(workspaceId, id);
      if (!mayChange(actor, before)) throw Errors.notAllowed();
      const interaction = await interactions.update(workspaceId, id, changes, actor.memberId);
      const context = await interactions.context(workspaceId, interaction.customerId, now());
      return { interaction, context, created: false };
    },

    async remove(workspaceId: string, id: string, actor: Actor): Promise<Interaction> {
      const interaction = await existing(workspaceId, id);
      if (!mayChange(actor, interaction)) throw Errors.notAllowed();
      return interactions.softDelete(workspaceId, id, actor.memberId, now(), "deleted");
    },

    /** The message's permalink, fetched after the interaction was stored. */
    attachPermalink: (workspaceId: string, id: string, permalink: string) =>
      interactions.setPermalink(workspaceId, id, permalink),
    latestForCustomer: (workspaceId: string, customerId: string) =>
      interactions.latestForCustomer(workspaceId, customerId),
    findBySource: (workspaceId: string, channelId: string, messageTs: string) =>
      interactions.findBySource(workspaceId, channelId, messageTs),
    context: (workspaceId: string, customerId: string) => interactions.context(workspaceId, customerId, now()),
    /** A page of the customer's history, each interaction marked with whether `actor` may change it. */
    async timeline(workspaceId: string, customerId: string, offset: number, limit: number, actor: Actor) {
      const page = await interactions.timeline(workspaceId, customerId, offset, limit);
      return {
        ...page,
        entries: page.entries.map((entry) =>
          entry.type === "interaction" ? { ...entry, changeable: mayChange(actor, entry) } : entry,
        ),
      };
    },
  };
}

export type InteractionService = ReturnType<typeof createInteractionService>;
