import type { PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/audit.repository.js";
import { DEFAULT_REASONS, type DefaultReason, type ReasonCategory } from "./reason.types.js";

export interface ReasonRepository {
  /** The workspace's categories (the defaults made on first use), oldest first. */
  list(workspaceId: string): Promise<ReasonCategory[]>;
  add(workspaceId: string, actorId: string, name: string): Promise<ReasonCategory>;
  rename(workspaceId: string, actorId: string, id: string, name: string): Promise<void>;
  retire(workspaceId: string, actorId: string, id: string, at: Date): Promise<void>;
  /** Files the interaction under a category of its workspace (null: none). */
  setForInteraction(workspaceId: string, interactionId: string, categoryId: string | null): Promise<void>;
  /** Records what was really behind a complaint (and, with `resolve`, marks it resolved); audited. */
  setRootCause(
    workspaceId: string,
    interactionId: string,
    cause: { categoryId: string | null; note: string | null },
    by: { actorId: string; at: Date; resolve: boolean },
  ): Promise<void>;
}

const shape = (row: {
  id: string;
  key: string | null;
  name: string | null;
  retiredAt: Date | null;
}): ReasonCategory => ({
  id: row.id,
  key: row.key as DefaultReason | null,
  name: row.name,
  retired: row.retiredAt !== null,
});

export function createReasonRepository(prisma: PrismaClient): ReasonRepository {
  const rows = (workspaceId: string) =>
    prisma.reasonCategory.findMany({
      where: { workspaceId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 200,
    });
  const audit = (workspaceId: string, actorId: string, action: string, id: string, data: object) =>
    recordAudit(prisma, { workspaceId, actorId, action, entityType: "reasonCategory", entityId: id, data });
  return {
    async list(workspaceId) {
      const found = await rows(workspaceId);
      if (found.length > 0) return found.map(shape);
      // The first time: the defaults, in their order (a concurrent first time makes them once).
      const base = Date.now();
      await prisma.reasonCategory.createMany({
        data: DEFAULT_REASONS.map((key, i) => ({ workspaceId, key, createdAt: new Date(base + i) })),
        skipDuplicates: true,
      });
      return (await rows(workspaceId)).map(shape);
    },
    async add(workspaceId, actorId, name) {
      const row = await prisma.reasonCategory.create({ data: { workspaceId, name } });
      await audit(workspaceId, actorId, "reason.added", row.id, { name });
      return shape(row);
    },
    async rename(workspaceId, actorId, id, name) {
      await prisma.reasonCategory.updateMany({ where: { id, workspaceId }, data: { name } });
      await audit(workspaceId, actorId, "reason.renamed", id, { name });
    },
    async retire(workspaceId, actorId, id, at) {
      await prisma.reasonCategory.updateMany({ where: { id, workspaceId }, data: { retiredAt: at } });
      await audit(workspaceId, actorId, "reason.retired", id, {});
    },
    async setForInteraction(workspaceId, interactionId, categoryId) {
      await prisma.interaction.updateMany({
        where: { id: interactionId, workspaceId },
        data: { reasonCategoryId: categoryId },
      });
    },
    async setRootCause(workspaceId, interactionId, cause, by) {
      await prisma.$transaction(async (tx) => {
        await tx.interaction.updateMany({
          where: { id: interactionId, workspaceId },
          data: {
            rootCauseCategoryId: cause.categoryId,
            rootCauseNote: cause.note,
            rootCauseAt: by.at,
            rootCauseById: by.actorId,
            ...(by.resolve ? { outcome: "resolved" as const } : {}),
          },
        });
        await recordAudit(tx, {
          workspaceId,
          actorId: by.actorId,
          action: by.resolve ? "interaction.resolved" : "interaction.rootCause",
          entityType: "Interaction",
          entityId: interactionId,
          data: cause,
        });
      });
    },
  };
}
