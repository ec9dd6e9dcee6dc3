import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/audit.repository.js";
import { createOnce } from "../create-once.js";
import { type Lease, leaseFrom } from "../outbound.js";
import type { FollowUpDetails } from "./follow-up.types.js";

export interface NewFollowUp {
  workspaceId: string;
  customerId: string;
  assigneeId: string;
  interactionId: string | null;
  escalationId?: string | null;
  dueAt: Date;
  note: string;
  /** The request that made it (a form's view): the same key twice makes one follow-up. */
  requestKey?: string | null;
}

export interface FollowUpRepository {
  /** Stores it, unless its requestKey made one already: then that one, with created false. */
  create(followUp: NewFollowUp): Promise<{ id: string; dueAt: Date; created: boolean }>;
  get(workspaceId: string, id: string): Promise<FollowUpDetails | null>;
  /**
   * Pending follow-ups past due, across workspaces, oldest first — but not those a tick put off
   * until a later check (nextCheckAt), so they never crowd out one that can be sent.
   */
  due(now: Date, limit: number): Promise<FollowUpDetails[]>;
  /** Not to be looked at again before `at` (nothing can be sent for it until then). */
  checkLater(id: string, at: Date): Promise<void>;
  /**
   * Holds one for this instance until `until` — only if nobody holds it and it is
   * still as `seen` (another instance may have sent it meanwhile): null when this call did not get it.
   */
  lease(seen: FollowUpDetails, now: Date, until: Date): Promise<Lease | null>;
  release(id: string): Promise<void>;
  /** Sent: where its DM is, and who got it when the assignee was away (null: the assignee). */
  markDelivered(id: string, channelId: string, ts: string, at: Date, coverId?: string | null): Promise<void>;
  /** How many pending follow-ups each of these people holds. */
  openCounts(workspaceId: string, memberIds: string[]): Promise<Map<string, number>>;
  markReminded(id: string, at: Date): Promise<void>;
  /** Its DM went anew to `coverId` (null: the assignee, back): where it is now, counted as the day's reminder. */
  markHandedOver(id: string, channelId: string, ts: string, at: Date, coverId: string | null): Promise<void>;
  markManagerTold(id: string, at: Date): Promise<void>;
  complete(id: string, actorId: string, outcome: string, at: Date): Promise<boolean>;
  reschedule(id: string, actorId: string, dueAt: Date): Promise<void>;
  reassign(id: string, actorId: string, assigneeId: string): Promise<void>;
}

const person = {
  select: {
    id: true,
    slackUserId: true,
    displayName: true,
    timeZone: true,
    teamId: true,
    workDayStart: true,
    workDayEnd: true,
  },
} as const;
const include = { customer: { select: { id: true, name: true } }, assignee: person } as const;
type Row = Prisma.FollowUpGetPayload<{ include: typeof include }>;

export function createFollowUpRepository(prisma: PrismaClient): FollowUpRepository {
  async function details(row: Row | null): Promise<FollowUpDetails | null> {
    if (!row) return null;
    const recent = await prisma.interaction.findMany({
      where: { workspaceId: row.workspaceId, customerId: row.customerId, deletedAt: null },
      orderBy: { occurredAt: "desc" },
      take: 3,
      select: { kind: true, summary: true, occurredAt: true },
    });
    return {
      id: row.id,
      workspaceId: row.workspaceId,
      status: row.status,
      note: row.note,
      dueAt: row.dueAt,
      notifiedAt: row.notifiedAt,
      lastRemindedAt: row.lastRemindedAt,
      managerToldAt: row.managerToldAt,
      outcome: row.outcome,
      dmChannelId: row.dmChannelId,
      dmTs: row.dmTs,
      coverId: row.coverId,
      interactionId: row.interactionId,
      escalationId: row.escalationId,
      customer: row.customer,
      assignee: row.assignee,
      recent,
    };
  }
  const audit = (workspaceId: string, actorId: string, action: string, id: string, data: Prisma.InputJsonValue = {}) =>
    recordAudit(prisma, { workspaceId, actorId, action, entityType: "FollowUp", entityId: id, data });

  return {
    async create(followUp) {
      const { workspaceId, requestKey } = followUp;
      const { value, created } = await createOnce(
        async () =>
          requestKey
            ? prisma.followUp.findUnique({
                where: { workspaceId_requestKey: { workspaceId, requestKey } },
                select: { id: true, dueAt: true },
              })
            : null,
        () =>
          prisma.$transaction(async (tx) => {
            const row = await tx.followUp.create({ data: followUp, select: { id: true, dueAt: true } });
            await recordAudit(tx, {
              workspaceId,
              actorId: followUp.assigneeId,
              action: "followUp.created",
              entityType: "FollowUp",
              entityId: row.id,
            });
            return row;
          }),
      );
      return { ...value, created };
    },
    async get(workspaceId, id) {
      return details(await prisma.followUp.findFirst({ where: { workspaceId, id }, include }));
    },
    async due(now, limit) {
      const ids = await prisma.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM "FollowUp"
        WHERE status = 'pending'
          AND (("nextCheckAt" IS NULL AND "dueAt" <= ${now}) OR "nextCheckAt" <= ${now})
          AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
        ORDER BY COALESCE("nextCheckAt", "dueAt") LIMIT ${limit}`;
      if (ids.length === 0) return [];
      const rows = await prisma.followUp.findMany({ where: { id: { in: ids.map((r) => r.id) } }, include });
      const order = new Map(ids.map((r, i) => [r.id, i]));
      rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      return (await Promise.all(rows.map(details))).filter((d): d is FollowUpDetails => d !== null);
    },
    async checkLater(id, at) {
      await prisma.followUp.update({ where: { id }, data: { nextCheckAt: at } });
    },
    async lease(seen, now, until) {
      const taken = await prisma.$queryRaw<Array<{ was: Date | null }>>`
        WITH old AS (SELECT id, "leaseUntil" AS was FROM "FollowUp" WHERE id = ${seen.id}::uuid FOR UPDATE)
        UPDATE "FollowUp" f SET "leaseUntil" = ${until}
        FROM old
        WHERE f.id = old.id AND f.status = 'pending' AND (f."leaseUntil" IS NULL OR f."leaseUntil" < ${now})
          AND f."notifiedAt" IS NOT DISTINCT FROM ${seen.notifiedAt}::timestamptz
          AND f."lastRemindedAt" IS NOT DISTINCT FROM ${seen.lastRemindedAt}::timestamptz
          AND f."managerToldAt" IS NOT DISTINCT FROM ${seen.managerToldAt}::timestamptz
          AND f."dueAt" = ${seen.dueAt}
        RETURNING old.was`;
      const [row] = taken;
      return row ? leaseFrom(row.was) : null;
    },
    async release(id) {
      await prisma.followUp.update({ where: { id }, data: { leaseUntil: null } });
    },
    async markDelivered(id, channelId, ts, at, coverId = null) {
      await prisma.followUp.update({
        where: { id },
        data: { notifiedAt: at, lastRemindedAt: at, dmChannelId: channelId, dmTs: ts, leaseUntil: null, coverId },
      });
    },
    async openCounts(workspaceId, memberIds) {
      if (memberIds.length === 0) return new Map();
      const rows = await prisma.followUp.groupBy({
        by: ["assigneeId"],
        where: { workspaceId, status: "pending", assigneeId: { in: memberIds } },
        _count: { _all: true },
      });
      return new Map(rows.map((r) => [r.assigneeId, r._count._all]));
    },
    async markReminded(id, at) {
      await prisma.followUp.update({ where: { id }, data: { lastRemindedAt: at, leaseUntil: null } });
    },
    async markHandedOver(id, channelId, ts, at, coverId) {
      await prisma.followUp.update({
        where: { id },
        data: { lastRemindedAt: at, dmChannelId: channelId, dmTs: ts, leaseUntil: null, coverId },
      });
    },
    async markManagerTold(id, at) {
      await prisma.followUp.update({ where: { id }, data: { managerToldAt: at, leaseUntil: null } });
    },
    async complete(id, actorId, outcome, at) {
      const { count } = await prisma.followUp.updateMany({
        where: { id, status: "pending" },
        data: { status: "done", completedAt: at, completedById: actorId, outcome },
      });
      if (count === 1) {
        const { workspaceId } = await prisma.followUp.findUniqueOrThrow({
          where: { id },
          select: { workspaceId: true },
        });
        await audit(workspaceId, actorId, "followUp.done", id, { outcome });
      }
      return count === 1;
    },
    async reschedule(id, actorId, dueAt) {
      const row = await prisma.followUp.update({
        where: { id },
        data: { dueAt, notifiedAt: null, lastRemindedAt: null, leaseUntil: null, nextCheckAt: null },
        select: { workspaceId: true },
      });
      await audit(row.workspaceId, actorId, "followUp.snoozed", id, { dueAt: dueAt.toISOString() });
    },
    async reassign(id, actorId, assigneeId) {
      const row = await prisma.followUp.update({
        where: { id },
        data: {
          assigneeId,
          notifiedAt: null,
          lastRemindedAt: null,
          dmChannelId: null,
          dmTs: null,
          leaseUntil: null,
          nextCheckAt: null,
        },
        select: { workspaceId: true },
      });
      await audit(row.workspaceId, actorId, "followUp.reassigned", id, { assigneeId });
    },
  };
}
