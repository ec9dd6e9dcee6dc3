import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/audit.repository.js";
import { type Lease, leaseFrom } from "../outbound.js";
import type { Condition, CustomerStats, Finding, Reason, Thresholds } from "./retention.rules.js";

export interface ConditionRow {
  id: string;
  workspaceId: string;
  customerId: string;
  customerName: string;
  ownerId: string | null;
  condition: Condition;
  score: number;
  reasons: Reason[];
  since: Date;
  nudgedAt: Date | null;
  snoozedUntil: Date | null;
  /** Who got its nudge instead of the owner, who was away (null: the owner, or the managers). */
  coverId: string | null;
  /** The team of whoever last spoke with the customer: its managers hear when there is no owner. */
  teamId: string | null;
}

export interface RetentionRepository {
  workspaces(): Promise<Array<{ id: string } & Thresholds>>;
  /**
   * One row per active customer, computed by the database, a page at a time in id order (after
   * `after`): a large workspace never arrives as one result that holds up the main thread.
   */
  stats(workspaceId: string, windowStart: Date, after: string | null, limit: number): Promise<CustomerStats[]>;
  /** Records the findings for these customers: new crossings start, lasting ones update, ended ones clear. */
  sync(workspaceId: string, customerIds: string[], findings: Map<string, Finding[]>, now: Date): Promise<void>;
  /** Conditions of customers who are no longer active end. */
  clearInactive(workspaceId: string, now: Date): Promise<void>;
  /**
   * Nudges due, oldest first; at most `perOwner` for any one owner (the rest come at later ticks),
   * so a thousand lapsed customers imported for one person arrive a few at a time.
   */
  dueNudges(now: Date, limit: number, perOwner: number): Promise<ConditionRow[]>;
  lease(row: ConditionRow, now: Date, until: Date): Promise<Lease | null>;
  /** Nudged; to `cover` instead of the away owner, due again for the owner at `handBackAt`. */
  markNudged(id: string, at: Date, cover?: { id: string; handBackAt: Date } | null): Promise<void>;
  /** Nudges a cover got that are still open when their owner is back come due again: how many. */
  handBack(now: Date): Promise<number>;
  release(id: string): Promise<void>;
  get(workspaceId: string, id: string): Promise<ConditionRow | null>;
  snooze(id: string, actorId: string, until: Date): Promise<void>;
  markChurned(workspaceId: string, customerId: string, actorId: string, at: Date): Promise<void>;
}

const include = { customer: { select: { name: true, ownerId: true } } } as const;
type Row = Prisma.CustomerConditionGetPayload<{ include: typeof include }>;

export function createRetentionRepository(prisma: PrismaClient): RetentionRepository {
  async function toRow(row: Row): Promise<ConditionRow> {
    const last = await prisma.interaction.findFirst({
      where: { customerId: row.customerId, deletedAt: null },
      orderBy: { occurredAt: "desc" },
      select: { author: { select: { teamId: true } } },
    });
    return {
      id: row.id,
      workspaceId: row.workspaceId,
      customerId: row.customerId,
      customerName: row.customer.name,
      ownerId: row.customer.ownerId,
      condition: row.condition as Condition,
      score: row.score,
      reasons: row.reasons as unknown as Reason[],
      since: row.since,
      nudgedAt: row.nudgedAt,
      snoozedUntil: row.snoozedUntil,
      coverId: row.coverId,
      teamId: last?.author.teamId ?? null,
    };
  }
  return {
    workspaces: () =>
      prisma.workspace.findMany({
        select: {
          id: true,
          lapsedDays: true,
          atRiskComplaints: true,
          atRiskWindowDays: true,
          atRiskSameCategory: true,
        },
      }),
    async stats(workspaceId, windowStart, after, limit) {
      const rows = await prisma.$queryRaw<
        Array<{
          id: string;
          n: bigint;
          last: Date | null;
          complaints: bigint;
          escalations: bigint;
          sentiment: string | null;
          opted: boolean;
          same: number | null;
          key: string | null;
          name: string | null;
        }>
      >`
        WITH page AS (
          SELECT c.id, c."optedOutOfOffers", c."lastContactAt" FROM "Customer" c
          WHERE c."workspaceId" = ${workspaceId}::uuid AND c.status = 'active'
            AND (${after}::uuid IS NULL OR c.id > ${after}::uuid)
          ORDER BY c.id LIMIT ${limit}
        ), seen AS (
          SELECT i."customerId" AS id, count(*) AS n, max(i."occurredAt") AS last,
                 count(*) FILTER (WHERE i.kind = 'complaint' AND i."occurredAt" >= ${windowStart}) AS complaints,
                 (array_agg(i.sentiment::text ORDER BY i."occurredAt" DESC))[1] AS sentiment
          FROM "Interaction" i
          WHERE i."workspaceId" = ${workspaceId}::uuid AND i."deletedAt" IS NULL
            AND i."customerId" IN (SELECT id FROM page)
          GROUP BY i."customerId"
        ), by_category AS (
          -- The most complaints in the window about one thing: root cause, else category.
          SELECT DISTINCT ON (x.id) x.id, x.category, x.n FROM (
            SELECT i."customerId" AS id, COALESCE(i."rootCauseCategoryId", i."reasonCategoryId") AS category,
                   count(*)::int AS n
            FROM "Interaction" i
            WHERE i."workspaceId" = ${workspaceId}::uuid AND i."deletedAt" IS NULL AND i.kind = 'complaint'
              AND i."occurredAt" >= ${windowStart} AND i."customerId" IN (SELECT id FROM page)
              AND COALESCE(i."rootCauseCategoryId", i."reasonCategoryId") IS NOT NULL
            GROUP BY 1, 2
          ) x ORDER BY x.id, x.n DESC, x.category
        ), open AS (
          SELECT e."customerId" AS id, count(*) AS n
          FROM "Escalation" e
          WHERE e."workspaceId" = ${workspaceId}::uuid AND e.status IN ('open', 'claimed')
            AND e."customerId" IN (SELECT id FROM page)
          GROUP BY e."customerId"
        )
        -- A last contact an import brought counts as one (lapsed customers are found at once).
        SELECT c.id, COALESCE(seen.n, 0) + (c."lastContactAt" IS NOT NULL)::int AS n,
               GREATEST(seen.last, c."lastContactAt") AS last, COALESCE(seen.complaints, 0) AS complaints,
               COALESCE(open.n, 0) AS escalations, seen.sentiment, c."optedOutOfOffers" AS opted,
               bc.n AS same, rc.key, rc.name
        FROM page c
        LEFT JOIN seen ON seen.id = c.id
        LEFT JOIN open ON open.id = c.id
        LEFT JOIN by_category bc ON bc.id = c.id
        LEFT JOIN "ReasonCategory" rc ON rc.id = bc.category
        ORDER BY c.id`;
      return rows.map((r) => ({
        customerId: r.id,
        interactions: Number(r.n),
        lastInteractionAt: r.last ? new Date(r.last) : null,
        complaintsInWindow: Number(r.complaints),
        sameCategory: r.same ? { count: Number(r.same), key: r.key, name: r.name } : null,
        openEscalations: Number(r.escalations),
        lastSentiment: r.sentiment,
        optedOutOfOffers: r.opted,
      }));
    },
    async clearInactive(workspaceId, now) {
      await prisma.customerCondition.updateMany({
        where: { workspaceId, clearedAt: null, customer: { status: { not: "active" } } },
        data: { clearedAt: now },
      });
    },
    async sync(workspaceId, customerIds, findings, now) {
      const existing = await prisma.customerCondition.findMany({
        where: { workspaceId, customerId: { in: customerIds } },
      });
      const byKey = new Map(existing.map((row) => [`${row.customerId}:${row.condition}`, row]));
      const seen = new Set<string>();
      const created: Prisma.CustomerConditionCreateManyInput[] = [];
      for (const [customerId, list] of findings) {
        for (const f of list) {
          const key = `${customerId}:${f.condition}`;
          seen.add(key);
          const row = byKey.get(key);
          const reasons = f.reasons as unknown as Prisma.InputJsonValue;
          if (!row) {
            created.push({ workspaceId, customerId, condition: f.condition, score: f.score, reasons, since: now });
          } else if (row.clearedAt) {
            // Crossed again after having recovered: a new crossing, nudged again.
            await prisma.customerCondition.update({
              where: { id: row.id },
              data: { score: f.score, reasons, since: now, clearedAt: null, nudgedAt: null, snoozedUntil: null },
            });
          } else if (row.score !== f.score || JSON.stringify(row.reasons) !== JSON.stringify(f.reasons)) {
            // Most conditions last from one hour to the next unchanged: only changes are written.
            await prisma.customerCondition.update({ where: { id: row.id }, data: { score: f.score, reasons } });
          }
        }
      }
      // New crossings in one statement: the first pass over a large workspace finds thousands.
      if (created.length) await prisma.customerCondition.createMany({ data: created, skipDuplicates: true });
      const ended = existing
        .filter((row) => !row.clearedAt && !seen.has(`${row.customerId}:${row.condition}`))
        .map((row) => row.id);
      if (ended.length)
        await prisma.customerCondition.updateMany({ where: { id: { in: ended } }, data: { clearedAt: now } });
    },
    async dueNudges(now, limit, perOwner) {
      const due = await prisma.$queryRaw<Array<{ id: string }>>`
        SELECT x.id FROM (
          SELECT cc.id, cc.since, cu."ownerId",
                 row_number() OVER (PARTITION BY cu."ownerId" ORDER BY cc.since, cc.id) AS n
          FROM "CustomerCondition" cc JOIN "Customer" cu ON cu.id = cc."customerId"
          WHERE cc."clearedAt" IS NULL AND cc."nudgedAt" IS NULL AND cu.status = 'active'
            AND (cc."snoozedUntil" IS NULL OR cc."snoozedUntil" <= ${now})
            AND (cc."leaseUntil" IS NULL OR cc."leaseUntil" < ${now})
        ) x
        WHERE x."ownerId" IS NULL OR x.n <= ${perOwner}
        ORDER BY x.since, x.id LIMIT ${limit}`;
      if (due.length === 0) return [];
      const rows = await prisma.customerCondition.findMany({
        where: { id: { in: due.map((d) => d.id) } },
        orderBy: [{ since: "asc" }, { id: "asc" }],
        include,
      });
      return Promise.all(rows.map(toRow));
    },
    async lease(row, now, until) {
      const taken = await prisma.$queryRaw<Array<{ was: Date | null }>>`
        WITH old AS (SELECT id, "leaseUntil" AS was FROM "CustomerCondition" WHERE id = ${row.id}::uuid FOR UPDATE)
        UPDATE "CustomerCondition" c SET "leaseUntil" = ${until}
        FROM old
        WHERE c.id = old.id AND c."nudgedAt" IS NULL AND c."clearedAt" IS NULL AND c."since" = ${row.since}
          AND (c."leaseUntil" IS NULL OR c."leaseUntil" < ${now})
        RETURNING old.was`;
      const [row1] = taken;
      return row1 ? leaseFrom(row1.was) : null;
    },
    async markNudged(id, at, cover = null) {
      await prisma.customerCondition.update({
        where: { id },
        data: { nudgedAt: at, leaseUntil: null, coverId: cover?.id ?? null, handBackAt: cover?.handBackAt ?? null },
      });
    },
    async handBack(now) {
      const { count } = await prisma.customerCondition.updateMany({
        where: { handBackAt: { lte: now }, clearedAt: null },
        data: { nudgedAt: null, handBackAt: null },
      });
      return count;
    },
    async release(id) {
      await prisma.customerCondition.update({ where: { id }, data: { leaseUntil: null } });
    },
    async get(workspaceId, id) {
      const row = await prisma.customerCondition.findFirst({ where: { workspaceId, id }, include });
      return row ? toRow(row) : null;
    },
    async snooze(id, actorId, until) {
      const row = await prisma.customerCondition.update({
        where: { id },
        data: { nudgedAt: null, snoozedUntil: until },
        select: { workspaceId: true },
      });
      await recordAudit(prisma, {
        workspaceId: row.workspaceId,
        actorId,
        action: "retention.snoozed",
        entityType: "CustomerCondition",
        entityId: id,
      });
    },
    async markChurned(workspaceId, customerId, actorId, at) {
      await prisma.$transaction(async (tx) => {
        await tx.customer.update({
          where: { id: customerId, workspaceId },
          data: { status: "churned", churnedAt: at },
        });
        await tx.customerCondition.updateMany({ where: { customerId, clearedAt: null }, data: { clearedAt: at } });
        await recordAudit(tx, {
          workspaceId,
          actorId,
          action: "customer.churned",
          entityType: "Customer",
          entityId: customerId,
        });
      });
    },
  };
}
