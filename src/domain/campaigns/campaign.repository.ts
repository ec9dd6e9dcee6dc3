import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/audit.repository.js";
import { createOnce } from "../create-once.js";
import type { Posted } from "../outbound.js";
import type { Campaign, CampaignProgress, NewCampaign, Outreach, OutreachResponse } from "./campaign.types.js";

export interface CampaignRepository {
  /** Stores it, unless `requestKey` started one already: then that one, with created false. */
  create(
    workspaceId: string,
    createdById: string,
    campaign: NewCampaign,
    requestKey?: string | null,
  ): Promise<{ campaign: Campaign; created: boolean }>;
  get(workspaceId: string, id: string): Promise<Campaign | null>;
  /** Campaigns that have started and not yet been closed, in every workspace. */
  running(now: Date): Promise<Campaign[]>;
  /** Turns the segment into one outreach row per customer (once; a repeat adds nothing). */
  /**
   * Fills the campaign in (once): each customer's outreach goes to their owner; those without one
   * go round-robin to `handOut` (people, in order), or to the campaign's creator when it is empty.
   */
  populate(campaign: Campaign, now: Date, handOut?: string[]): Promise<number>;
  /** Takes up to `limit` due rows, at most one per recipient, for this instance until `until`. */
  lease(input: {
    now: Date;
    until: Date;
    recipientIds: string[];
    limit: number;
    instanceId: string;
    /** Leave out people sent a nudge less than this long ago. */
    pacedMs: number;
  }): Promise<Outreach[]>;
  /** Whether any nudge for these people is due and free, pacing aside. */
  anyDue(now: Date, recipientIds: string[]): Promise<boolean>;
  markSent(id: string, posted: Posted, at: Date): Promise<void>;
  /** Frees the row for another attempt at `at`; `unsure`: the failed attempt may have reached Slack. */
  retryLater(id: string, at: Date, unsure: boolean): Promise<void>;
  skip(id: string): Promise<void>;
  /** Expires what was not handed out; true once nothing is in flight and the campaign is closed. */
  close(campaign: Campaign, now: Date): Promise<boolean>;
  /** Marks as won back every contacted customer with a newer interaction; returns the campaigns touched. */
  markWonBack(now: Date): Promise<Array<{ workspaceId: string; campaignId: string }>>;
  progress(campaignId: string): Promise<CampaignProgress>;
  /** Ends a running campaign now: nothing more is handed out. */
  stop(campaign: Campaign, actorId: string, at: Date): Promise<void>;
  saveProgressMessage(id: string, posted: Posted, shown: string): Promise<void>;
  getOutreach(workspaceId: string, id: string): Promise<Outreach | null>;
  respond(outreach: Outreach, response: OutreachResponse, actorId: string, at: Date): Promise<void>;
}

const campaignInclude = {
  createdBy: { select: { slackUserId: true } },
  team: { select: { name: true } },
} as const;
type CampaignRow = Prisma.CampaignGetPayload<{ include: typeof campaignInclude }>;

const outreachInclude = {
  campaign: { select: { id: true, name: true, offer: true, endsAt: true } },
  customer: { select: { id: true, name: true, optedOutOfOffers: true, status: true } },
  recipient: { select: { id: true, slackUserId: true } },
} as const;
type OutreachRow = Prisma.OutreachGetPayload<{ include: typeof outreachInclude }>;

const toCampaign = (row: CampaignRow): Campaign => ({
  id: row.id,
  workspaceId: row.workspaceId,
  name: row.name,
  offer: row.offer,
  segment: row.segment,
  tag: row.tag,
  teamId: row.teamId,
  teamName: row.team?.name ?? null,
  startsAt: row.startsAt,
  endsAt: row.endsAt,
  createdById: row.createdById,
  createdBySlackId: row.createdBy.slackUserId,
  populatedAt: row.populatedAt,
  endedAt: row.endedAt,
  progressChannelId: row.progressChannelId,
  progressTs: row.progressTs,
  progressShown: row.progressShown,
});

const toOutreach = (row: OutreachRow): Outreach => ({
  id: row.id,
  workspaceId: row.workspaceId,
  campaign: row.campaign,
  customer: {
    id: row.customer.id,
    name: row.customer.name,
    optedOutOfOffers: row.customer.optedOutOfOffers,
    active: row.customer.status === "active",
  },
  recipient: row.recipient,
  attempts: row.attempts,
  unsure: row.unsure,
  createdAt: row.createdAt,
  sentAt: row.sentAt,
  dmChannelId: row.dmChannelId,
  dmTs: row.dmTs,
  contactedAt: row.contactedAt,
  response: (row.response as OutreachResponse | null) ?? null,
});

// Who is in the segment: active customers who did not opt out of offers, and…
function segmentFilter(c: Campaign): Prisma.Sql {
  switch (c.segment) {
    case "lapsed":
    case "at_risk":
      return Prisma.sql`EXISTS (SELECT 1 FROM "CustomerCondition" cc WHERE cc."customerId" = c.id
        AND cc.condition = ${c.segment} AND cc."clearedAt" IS NULL)`;
    case "tag":
      return Prisma.sql`${c.tag ?? ""} = ANY(c.tags)`;
    case "team":
      return Prisma.sql`c."ownerId" IN (SELECT m.id FROM "Member" m WHERE m."teamId" = ${c.teamId}::uuid)`;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;
// Won-back customers are still counted this long after a campaign ends.
const WON_BACK_WINDOW_MS = 90 * DAY_MS;

export function createCampaignRepository(prisma: PrismaClient): CampaignRepository {
  const outreachByIds = async (ids: string[]) =>
    (await prisma.outreach.findMany({ where: { id: { in: ids } }, include: outreachInclude })).map(toOutreach);

  return {
    async create(workspaceId, createdById, campaign, requestKey = null) {
      const { value, created } = await createOnce(
        async () =>
          requestKey
            ? prisma.campaign.findUnique({
                where: { workspaceId_requestKey: { workspaceId, requestKey } },
                include: campaignInclude,
              })
            : null,
        async () => {
          const row = await prisma.campaign.create({
            data: { workspaceId, createdById, requestKey, ...campaign },
            include: campaignInclude,
          });
          await recordAudit(prisma, {
            workspaceId,
            actorId: createdById,
            action: "campaign.created",
            entityType: "Campaign",
            entityId: row.id,
            data: { name: campaign.name, segment: campaign.segment },
          });
          return row;
        },
      );
      return { campaign: toCampaign(value), created };
    },
    async get(workspaceId, id) {
      const row = await prisma.campaign.findFirst({ where: { workspaceId, id }, include: campaignInclude });
      return row ? toCampaign(row) : null;
    },
    async running(now) {
      const rows = await prisma.campaign.findMany({
        where: { endedAt: null, startsAt: { lte: now } },
        include: campaignInclude,
        orderBy: { startsAt: "asc" },
      });
      return rows.map(toCampaign);
    },
    async populate(campaign, now, handOut = []) {
      return prisma.$transaction(async (tx) => {
        // Only the first instance to get here fills the campaign in.
        const claimed = await tx.campaign.updateMany({
          where: { id: campaign.id, populatedAt: null },
          data: { populatedAt: now },
        });
        if (claimed.count === 0) return 0;
        return tx.$executeRaw`
          INSERT INTO "Outreach" (id, "workspaceId", "campaignId", "customerId", "recipientId", "nextAttemptAt")
          SELECT gen_random_uuid(), c."workspaceId", ${campaign.id}::uuid, c.id,
                 COALESCE(
                   c."ownerId",
                   (${handOut}::uuid[])[1 + ((row_number() OVER (PARTITION BY c."ownerId" IS NULL ORDER BY c.id) - 1)
                     % GREATEST(${handOut.length}, 1))::int],
                   ${campaign.createdById}::uuid),
                 ${now}
          FROM "Customer" c
          WHERE c."workspaceId" = ${campaign.workspaceId}::uuid AND c.status = 'active'
            AND NOT c."optedOutOfOffers" AND ${segmentFilter(campaign)}
          ON CONFLICT ("campaignId", "customerId") DO NOTHING`;
      });
    },
    async lease({ now, until, recipientIds, limit, instanceId, pacedMs }) {
      if (recipientIds.length === 0) return [];
      // The UPDATE re-checks the row, so of two instances picking the same one, one gets it.
      const taken = await prisma.$queryRaw<Array<{ id: string }>>`
        WITH picked AS (
          SELECT first.id
          FROM unnest(${recipientIds}::uuid[]) AS person(id)
          -- Each person's next due nudge, by the (recipientId, status, nextAttemptAt) index…
          CROSS JOIN LATERAL (
            SELECT o.id FROM "Outreach" o JOIN "Campaign" c ON c.id = o."campaignId"
            WHERE o."recipientId" = person.id AND o.status = 'pending' AND o."nextAttemptAt" <= ${now}
              AND (o."leaseUntil" IS NULL OR o."leaseUntil" < ${now})
              AND c."endedAt" IS NULL AND c."endsAt" > ${now}
            ORDER BY o."nextAttemptAt", o.id
            LIMIT 1
          ) first
          -- …unless one is in flight for them or went out less than a second ago, on any instance.
          WHERE NOT EXISTS (
            SELECT 1 FROM "Outreach" b
            WHERE b."recipientId" = person.id
              AND ((b.status = 'pending' AND b."leaseUntil" >= ${now})
                OR (b.status = 'sent' AND b."sentAt" > ${new Date(now.getTime() - pacedMs)})))
          LIMIT ${limit}
        )
        UPDATE "Outreach" o SET "leaseUntil" = ${until}, "leasedBy" = ${instanceId}, attempts = o.attempts + 1,
          -- A lease that ran out means its holder stopped mid-attempt.
          unsure = o.unsure OR o."leaseUntil" IS NOT NULL
        FROM picked p
        WHERE o.id = p.id AND o.status = 'pending' AND (o."leaseUntil" IS NULL OR o."leaseUntil" < ${now})
        RETURNING o.id`;
      return taken.length ? outreachByIds(taken.map((t) => t.id)) : [];
    },
    async anyDue(now, recipientIds) {
      if (recipientIds.length === 0) return false;
      const [row] = await prisma.$queryRaw<Array<{ due: boolean }>>`
        SELECT EXISTS (
          SELECT 1 FROM "Outreach" o JOIN "Campaign" c ON c.id = o."campaignId"
          WHERE o.status = 'pending' AND o."nextAttemptAt" <= ${now}
            AND (o."leaseUntil" IS NULL OR o."leaseUntil" < ${now})
            AND o."recipientId" = ANY(${recipientIds}::uuid[])
            AND c."endedAt" IS NULL AND c."endsAt" > ${now}) AS due`;
      return row?.due ?? false;
    },
    async markSent(id, posted, at) {
      await prisma.outreach.updateMany({
        where: { id, status: "pending" },
        data: { status: "sent", sentAt: at, dmChannelId: posted.channelId, dmTs: posted.ts, leaseUntil: null },
      });
    },
    async retryLater(id, at, unsure) {
      await prisma.outreach.updateMany({
        where: { id, status: "pending" },
        data: { leaseUntil: null, nextAttemptAt: at, ...(unsure ? { unsure } : {}) },
      });
    },
    async skip(id) {
      await prisma.outreach.updateMany({
        where: { id, status: "pending" },
        data: { status: "skipped", leaseUntil: null },
      });
    },
    async close(campaign, now) {
      await prisma.outreach.updateMany({
        where: { campaignId: campaign.id, status: "pending", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
        data: { status: "expired", leaseUntil: null },
      });
      const inFlight = await prisma.outreach.count({ where: { campaignId: campaign.id, status: "pending" } });
      if (inFlight > 0) return false;
      await prisma.campaign.updateMany({ where: { id: campaign.id, endedAt: null }, data: { endedAt: now } });
      return true;
    },
    async markWonBack(now) {
      const rows = await prisma.$queryRaw<Array<{ workspaceId: string; campaignId: string }>>`
        UPDATE "Outreach" o SET "wonBackAt" = w.first
        FROM (
          SELECT o2.id, min(i."occurredAt") AS first
          FROM "Outreach" o2
          JOIN "Campaign" c ON c.id = o2."campaignId"
          JOIN "Interaction" i ON i."customerId" = o2."customerId" AND i."deletedAt" IS NULL
            AND i."occurredAt" > o2."contactedAt"
            AND i."requestKey" IS DISTINCT FROM ('outreach:' || o2.id::text)
          WHERE o2."contactedAt" IS NOT NULL AND o2."wonBackAt" IS NULL
            AND (c."endedAt" IS NULL OR c."endedAt" > ${new Date(now.getTime() - WON_BACK_WINDOW_MS)})
          GROUP BY o2.id
        ) w
        WHERE o.id = w.id
        RETURNING o."workspaceId", o."campaignId"`;
      return [...new Map(rows.map((r) => [r.campaignId, r])).values()];
    },
    async progress(campaignId) {
      const [row] = await prisma.$queryRaw<Array<Record<keyof CampaignProgress, bigint>>>`
        SELECT count(*) AS total,
               count(*) FILTER (WHERE status = 'sent') AS "handedOut",
               count(*) FILTER (WHERE status = 'pending') AS waiting,
               count(*) FILTER (WHERE "contactedAt" IS NOT NULL) AS contacted,
               count(*) FILTER (WHERE response = 'accepted') AS accepted,
               count(*) FILTER (WHERE response = 'declined') AS declined,
               count(*) FILTER (WHERE "wonBackAt" IS NOT NULL) AS "wonBack",
               count(*) FILTER (WHERE status = 'skipped') AS skipped,
               count(*) FILTER (WHERE status = 'expired') AS expired
        FROM "Outreach" WHERE "campaignId" = ${campaignId}::uuid`;
      const n = (v: bigint | undefined) => Number(v ?? 0);
      return {
        total: n(row?.total),
        handedOut: n(row?.handedOut),
        waiting: n(row?.waiting),
        contacted: n(row?.contacted),
        accepted: n(row?.accepted),
        declined: n(row?.declined),
        wonBack: n(row?.wonBack),
        skipped: n(row?.skipped),
        expired: n(row?.expired),
      };
    },
    async stop(campaign, actorId, at) {
      await prisma.campaign.updateMany({
        where: { id: campaign.id, endedAt: null, endsAt: { gt: at } },
        data: { endsAt: at },
      });
      await recordAudit(prisma, {
        workspaceId: campaign.workspaceId,
        actorId,
        action: "campaign.stopped",
        entityType: "Campaign",
        entityId: campaign.id,
      });
    },
    async saveProgressMessage(id, posted, shown) {
      await prisma.campaign.update({
        where: { id },
        data: { progressChannelId: posted.channelId, progressTs: posted.ts, progressShown: shown },
      });
    },
    async getOutreach(workspaceId, id) {
      const row = await prisma.outreach.findFirst({ where: { workspaceId, id }, include: outreachInclude });
      return row ? toOutreach(row) : null;
    },
    async respond(outreach, response, actorId, at) {
      await prisma.outreach.update({
        where: { id: outreach.id },
        data: {
          contactedAt: outreach.contactedAt ?? at,
          ...(response === "contacted" ? {} : { response, respondedAt: at }),
        },
      });
      await recordAudit(prisma, {
        workspaceId: outreach.workspaceId,
        actorId,
        action: `outreach.${response}`,
        entityType: "Outreach",
        entityId: outreach.id,
      });
    },
  };
}
