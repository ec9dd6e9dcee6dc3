import type { PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/audit.repository.js";
import { METRICS, type Metric, type Target } from "./targets.js";

export interface TargetRepository {
  list(workspaceId: string): Promise<Target[]>;
  set(workspaceId: string, target: Target, actorId: string): Promise<void>;
  clear(workspaceId: string, metric: Metric, actorId: string): Promise<void>;
}

export function createTargetRepository(prisma: PrismaClient): TargetRepository {
  return {
    async list(workspaceId) {
      const rows = await prisma.target.findMany({ where: { workspaceId } });
      return rows
        .filter((row) => (METRICS as readonly string[]).includes(row.metric))
        .map((row) => ({ metric: row.metric as Metric, value: row.value }))
        .sort((a, b) => METRICS.indexOf(a.metric) - METRICS.indexOf(b.metric));
    },
    async set(workspaceId, target, actorId) {
      await prisma.$transaction(async (tx) => {
        await tx.target.upsert({
          where: { workspaceId_metric: { workspaceId, metric: target.metric } },
          create: { workspaceId, metric: target.metric, value: target.value, setById: actorId },
          update: { value: target.value, setById: actorId },
        });
        await recordAudit(tx, {
          workspaceId,
          actorId,
          action: "target.set",
          entityType: "Target",
          entityId: target.metric,
          data: { value: target.value },
        });
      });
    },
    async clear(workspaceId, metric, actorId) {
      await prisma.$transaction(async (tx) => {
        await tx.target.deleteMany({ where: { workspaceId, metric } });
        await recordAudit(tx, {
          workspaceId,
          actorId,
          action: "target.cleared",
          entityType: "Target",
          entityId: metric,
        });
      });
    },
  };
}
