import { DomainError, Errors } from "../errors.js";
import type { Decision, EscalationDetails } from "../escalations/escalation.types.js";
import { mayChange } from "../interactions/interaction.service.js";
import type { Interaction, RootCause } from "../interactions/interaction.types.js";
import type { Member } from "../members/member.types.js";
import type { ReasonRepository } from "./reason.repository.js";

// What was really behind a complaint, recorded when it is resolved, or when its escalation is
// approved, rejected or resolved. The category may differ from the one the complaint was filed
// under; reports count the root cause where there is one.

const DECIDED = ["approved", "rejected", "resolved"];

export interface RootCauseDeps {
  repository: Pick<ReasonRepository, "setRootCause">;
  /** A category chosen in a form, checked against the workspace's in use. */
  check(workspaceId: string, id: string | null, current?: string | null): Promise<string | null>;
  interactions: { get(workspaceId: string, id: string): Promise<Interaction> };
  escalations: {
    assertMayDecide(workspaceId: string, id: string, member: Member): Promise<EscalationDetails>;
    decide(workspaceId: string, id: string, actor: Member, decision: Decision, note: string | null): Promise<unknown>;
  };
  /** A resolved complaint's satisfaction check, as one logged resolved gets. */
  satisfactionCheck(interaction: Interaction): Promise<unknown>;
  now(): Date;
}

const empty = (cause: RootCause) => !cause.categoryId && !cause.note;

export function createRootCauseService(deps: RootCauseDeps) {
  async function complaint(workspaceId: string, id: string): Promise<Interaction> {
    const interaction = await deps.interactions.get(workspaceId, id);
    if (interaction.kind !== "complaint") throw new DomainError("reasonNotComplaint");
    return interaction;
  }

  /** The category chosen, checked against the workspace's in use (the one recorded already is kept). */
  const checked = (interaction: Interaction, cause: RootCause) =>
    deps.check(interaction.workspaceId, cause.categoryId, interaction.rootCauseCategoryId);

  async function record(
    interaction: Interaction,
    actor: Member,
    cause: RootCause,
    resolve: boolean,
    categoryId: string | null,
  ) {
    await deps.repository.setRootCause(
      interaction.workspaceId,
      interaction.id,
      { categoryId, note: cause.note },
      { actorId: actor.id, at: deps.now(), resolve },
    );
  }

  return {
    /** Marks a complaint resolved (by whoever may change it), with its root cause when given. */
    async resolveComplaint(actor: Member, interactionId: string, cause: RootCause): Promise<void> {
      const interaction = await complaint(actor.workspaceId, interactionId);
      if (!mayChange({ memberId: actor.id, role: actor.role }, interaction)) throw Errors.notAllowed();
      const wasResolved = interaction.outcome === "resolved";
      await record(interaction, actor, cause, true, await checked(interaction, cause));
      if (!wasResolved) await deps.satisfactionCheck(interaction);
    },

    /** The root cause of a decided escalation's complaint, by a manager who may decide on it. */
    async forEscalation(actor: Member, escalationId: string, cause: RootCause): Promise<void> {
      if (empty(cause)) throw new DomainError("rootCauseEmpty");
      const e = await deps.escalations.assertMayDecide(actor.workspaceId, escalationId, actor);
      if (!DECIDED.includes(e.status)) throw new DomainError("rootCauseNotDecided");
      const interaction = await complaint(actor.workspaceId, e.interaction.id);
      await record(interaction, actor, cause, false, await checked(interaction, cause));
    },

    /** Approves or rejects with a note, and records the root cause given beside it. */
    async decide(
      actor: Member,
      escalationId: string,
      decision: "approve" | "reject",
      note: string,
      cause: RootCause,
    ): Promise<void> {
      const e = await deps.escalations.assertMayDecide(actor.workspaceId, escalationId, actor);
      // Checked before deciding, so a category no longer offered refuses the whole form.
      const interaction =
        e.interaction.kind === "complaint" && !empty(cause)
          ? await complaint(actor.workspaceId, e.interaction.id)
          : null;
      const categoryId = interaction ? await checked(interaction, cause) : null;
      await deps.escalations.decide(actor.workspaceId, escalationId, actor, decision, note);
      if (interaction) await record(interaction, actor, cause, false, categoryId);
    },
  };
}

export type RootCauseService = ReturnType<typeof createRootCauseService>;
