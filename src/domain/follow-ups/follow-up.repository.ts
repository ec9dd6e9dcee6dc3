import type { PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/audit.repository.js";

export interface NewFollowUp {
  workspaceId: string;
  customerId: string;
  assigneeId: string;
  interactionId: string | null;
  escalationId?: string | null;
  dueAt: Date;
  note: string;
}

export interface FollowUpRepository {
  create(followUp: NewFollowUp): Promise<{ id: string; dueAt: Date }>;
}

export function createFollowUpRepository(prisma: PrismaClient): FollowUpRepository {
  return {
    create: (followUp) =>
      prisma.$transaction(async (tx) => {
        const row = await tx.followUp.create({ data: followUp, select: { id: true, dueAt: true } });
        await recordAudit(tx, {
          workspaceId: followUp.workspaceId,
          actorId: followUp.assigneeId,
          action: "followUp.created",
          entityType: "FollowUp",
          entityId: row.id,
        });
        return row;
      }),
  };
}
