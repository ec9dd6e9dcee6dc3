import type { Interaction } from "../interactions/interaction.types.js";
import type { FollowUpRepository } from "./follow-up.repository.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export function createFollowUpService(followUps: FollowUpRepository, now: () => Date = () => new Date()) {
  return {
    /** A follow-up on a logged interaction, due in `days` days, for the person who asked. */
    addForInteraction(
      interaction: Interaction,
      assigneeId: string,
      days: number,
      note: string,
      escalationId: string | null = null,
    ) {
      return followUps.create({
        escalationId,
        workspaceId: interaction.workspaceId,
        customerId: interaction.customerId,
        assigneeId,
        interactionId: interaction.id,
        dueAt: new Date(now().getTime() + days * DAY_MS),
        note,
      });
    },
  };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
