import type { PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/audit.repository.js";
import type { DueDelivery, WebhookEvent, WebhookInfo } from "./webhook.types.js";

export interface WebhookRepository {
  add(
    workspaceId: string,
    actorId: string,
    hook: { url: string; secret: string; events: WebhookEvent[] },
  ): Promise<WebhookInfo>;
  list(workspaceId: string, since: Date): Promise<WebhookInfo[]>;
  /** Removes the workspace's live hooks to that URL: how many. */
  remove(workspaceId: string, actorId: string, url: string, at: Date): Promise<number>;
  /** One delivery per live hook of the workspace that wants `event`, due at once; how many. */
  enqueue(workspaceId: string, event: WebhookEvent, payload: unknown, now: Date): Promise<number>;
  /** Pending deliveries due by `now` and not held by another instance, oldest first. */
  due(now: Date, limit: number): Promise<DueDelivery[]>;
  /** Holds it for this instance until `until`; false when another instance holds it or it is done. */
  lease(id: string, now: Date, until: Date): Promise<boolean>;
  delivered(id: string, at: Date, httpStatus: number): Promise<void>;
  /** An attempt failed: try again at `retryAt`, or (null) give up. */
  failed(id: string, httpStatus: number | null, error: string, retryAt: Date | null): Promise<void>;
  /** Forgets finished deliveries (delivered or given up) older than `before`, at most `limit`: how many. */
  prune(before: Date, limit: number): Promise<number>;
}

type Row = { id: string; url: string; events: string[]; createdAt: Date };

export function createWebhookRepository(prisma: PrismaClient): WebhookRepository {
  const withLast = async (workspaceId: string, rows: Row[], since: Date): Promise<WebhookInfo[]> => {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [latest, failures] = await Promise.all([
      prisma.$queryRaw<Array<{ webhookId: string; status: string; at: Date; lastStatus: number | null }>>`
        SELECT DISTINCT ON ("webhookId") "webhookId", status, COALESCE("deliveredAt", "createdAt") AS at, "lastStatus"
        FROM "WebhookDelivery" WHERE "webhookId" = ANY(${ids}::uuid[])
        ORDER BY "webhookId", "createdAt" DESC`,
      prisma.webhookDelivery.groupBy({
        by: ["webhookId"],
        where: { workspaceId, webhookId: { in: ids }, status: "failed", createdAt: { gte: since } },
        _count: { _all: true },
      }),
    ]);
    return rows.map((r) => {
      const last = latest.find((l) => l.webhookId === r.id);
      return {
        id: r.id,
        url: r.url,
        events: r.events as WebhookEvent[],
        createdAt: r.createdAt,
        last: last
          ? { status: last.status as "pending" | "delivered" | "failed", at: last.at, httpStatus: last.lastStatus }
          : null,
        failures: failures.find((f) => f.webhookId === r.id)?._count._all ?? 0,
      };
    });
  };
  const select = { id: true, url: true, events: true, createdAt: true } as const;
  return {
    async add(workspaceId, actorId, hook) {
      const row = await prisma.$transaction(async (tx) => {
        const created = await tx.webhook.create({ data: { workspaceId, createdById: actorId, ...hook }, select });
        await recordAudit(tx, {
          workspaceId,
          actorId,
          action: "webhook.added",
          entityType: "webhook",
          entityId: created.id,
          data: { url: hook.url, events: hook.events },
        });
        return created;
      });
      return { ...row, events: row.events as WebhookEvent[], last: null, failures: 0 };
    },
    async list(workspaceId, since) {
      const rows = await prisma.webhook.findMany({
        where: { workspaceId, removedAt: null },
        orderBy: { createdAt: "asc" },
        take: 20,
        select,
      });
      return withLast(workspaceId, rows, since);
    },
    async remove(workspaceId, actorId, url, at) {
      return prisma.$transaction(async (tx) => {
        const rows = await tx.webhook.findMany({ where: { workspaceId, url, removedAt: null }, select: { id: true } });
        if (rows.length === 0) return 0;
        await tx.webhook.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { removedAt: at } });
        // What was still waiting for it goes nowhere now.
        await tx.webhookDelivery.updateMany({
          where: { webhookId: { in: rows.map((r) => r.id) }, status: "pending" },
          data: { status: "failed", lastError: "webhook removed" },
        });
        for (const row of rows)
          await recordAudit(tx, {
            workspaceId,
            actorId,
            action: "webhook.removed",
            entityType: "webhook",
            entityId: row.id,
            data: { url },
          });
        return rows.length;
      });
    },
    async enqueue(workspaceId, event, payload, now) {
      return prisma.$executeRaw`
        INSERT INTO "WebhookDelivery" (id, "webhookId", "workspaceId", event, payload, "nextAttemptAt")
        SELECT gen_random_uuid(), h.id, h."workspaceId", ${event}, ${JSON.stringify(payload)}::jsonb, ${now}
        FROM "Webhook" h
        WHERE h."workspaceId" = ${workspaceId}::uuid AND h."removedAt" IS NULL AND ${event} = ANY(h.events)`;
    },
    async due(now, limit) {
      const rows = await prisma.webhookDelivery.findMany({
        where: {
          status: "pending",
          nextAttemptAt: { lte: now },
          OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
        },
        orderBy: { nextAttemptAt: "asc" },
        take: limit,
        include: { webhook: { select: { url: true, secret: true } } },
      });
      return rows.map((r) => ({
        id: r.id,
        webhookId: r.webhookId,
        url: r.webhook.url,
        secret: r.webhook.secret,
        event: r.event as WebhookEvent,
        payload: r.payload,
        attempts: r.attempts,
        createdAt: r.createdAt,
      }));
    },
    async lease(id, now, until) {
      const { count } = await prisma.webhookDelivery.updateMany({
        where: { id, status: "pending", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
        data: { leaseUntil: until },
      });
      return count === 1;
    },
    async delivered(id, at, httpStatus) {
      await prisma.webhookDelivery.update({
        where: { id },
        data: {
          status: "delivered",
          deliveredAt: at,
          lastStatus: httpStatus,
          leaseUntil: null,
          attempts: { increment: 1 },
        },
      });
    },
    prune: (before, limit) => prisma.$executeRaw`
      DELETE FROM "WebhookDelivery" WHERE id IN (
        SELECT id FROM "WebhookDelivery" WHERE status <> 'pending' AND "createdAt" < ${before} LIMIT ${limit})`,
    async failed(id, httpStatus, error, retryAt) {
      await prisma.webhookDelivery.update({
        where: { id },
        data: {
          status: retryAt ? "pending" : "failed",
          lastStatus: httpStatus,
          lastError: error.slice(0, 500),
          leaseUntil: null,
          attempts: { increment: 1 },
          ...(retryAt ? { nextAttemptAt: retryAt } : {}),
        },
      });
    },
  };
}
