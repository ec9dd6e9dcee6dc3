import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { type Draft, type DraftData, DraftDataSchema } from "./draft.types.js";

export interface DraftRepository {
  create(workspaceId: string, memberId: string, data: DraftData): Promise<Draft>;
  get(workspaceId: string, id: string): Promise<Draft | null>;
  markLogged(workspaceId: string, id: string, interactionId: string): Promise<void>;
}

export function createDraftRepository(prisma: PrismaClient): DraftRepository {
  const toDraft = (row: { id: string; memberId: string; data: unknown; interactionId: string | null }): Draft => ({
    id: row.id,
    memberId: row.memberId,
    interactionId: row.interactionId,
    data: DraftDataSchema.parse(row.data),
  });
  return {
    async create(workspaceId, memberId, data) {
      const row = await prisma.draft.create({ data: { workspaceId, memberId, data: data as Prisma.InputJsonValue } });
      return toDraft(row);
    },
    async get(workspaceId, id) {
      const row = await prisma.draft.findFirst({ where: { workspaceId, id } });
      return row ? toDraft(row) : null;
    },
    async markLogged(workspaceId, id, interactionId) {
      await prisma.draft.updateMany({ where: { workspaceId, id }, data: { interactionId } });
    },
  };
}
