// What a person's App Home lists: their follow-ups, their escalations, a team's
// queue, campaigns running. Short lists with the full count beside them.
import type { PrismaClient } from "../../generated/prisma/client.js";

export interface Listed<T> {
  items: T[];
  total: number;
}

export interface HomeFollowUp {
  id: string;
  customerName: string;
  note: string;
  dueAt: Date;
  /** Theirs as cover: the Slack id of the assignee who is away. */
  coveringFor?: string | null;
}

/** What a cover holds for someone away: their open follow-ups that went to the cover. */
export interface CoverHolding {
  assigneeId: string;
  coverSlackUserId: string;
  followUps: number;
}

export interface HomeEscalation {
  id: string;
  customerName: string;
  reason: string;
  status: string;
  dueAt: Date;
  channelId: string | null;
  messageTs: string | null;
}

export interface HomeCampaign {
  id: string;
  name: string;
  endsAt: Date;
  handedOut: number;
  contacted: number;
  wonBack: number;
}

export interface HomeRepository {
  /** Their pending follow-ups due by `until`, and those they hold as someone's cover. */
  followUpsDue(memberId: string, until: Date, limit: number): Promise<Listed<HomeFollowUp>>;
  /** For these people (away), how many of their open follow-ups each cover holds. */
  coverHoldings(workspaceId: string, assigneeIds: string[]): Promise<CoverHolding[]>;
  escalationsRaised(memberId: string, limit: number): Promise<Listed<HomeEscalation>>;
  teamQueue(workspaceId: string, teamId: string | null, limit: number): Promise<Listed<HomeEscalation>>;
  /** Escalations nobody has claimed whose deadline falls between `now` and `until`, soonest first. */
  breachingSoon(
    workspaceId: string,
    teamId: string | null,
    now: Date,
    until: Date,
    limit: number,
  ): Promise<Listed<HomeEscalation>>;
  campaignsRunning(workspaceId: string, createdById: string | null, limit: number): Promise<HomeCampaign[]>;
}

const OPEN = ["open", "claimed"] as const;
const escalationSelect = {
  id: true,
  reason: true,
  status: true,
  dueAt: true,
  channelId: true,
  messageTs: true,
  customer: { select: { name: true } },
} as const;
const toEscalation = (e: {
  id: string;
  reason: string;
  status: string;
  dueAt: Date;
  channelId: string | null;
  messageTs: string | null;
  customer: { name: string };
}): HomeEscalation => ({ ...e, customerName: e.customer.name });

export function createHomeRepository(prisma: PrismaClient): HomeRepository {
  return {
    async followUpsDue(memberId, until, limit) {
      const where = {
        OR: [{ assigneeId: memberId }, { coverId: memberId }],
        status: "pending" as const,
        dueAt: { lte: until },
      };
      const [rows, total] = await Promise.all([
        prisma.followUp.findMany({
          where,
          orderBy: { dueAt: "asc" },
          take: limit,
          select: {
            id: true,
            note: true,
            dueAt: true,
            assigneeId: true,
            customer: { select: { name: true } },
            assignee: { select: { slackUserId: true } },
          },
        }),
        prisma.followUp.count({ where }),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          note: r.note,
          dueAt: r.dueAt,
          customerName: r.customer.name,
          coveringFor: r.assigneeId === memberId ? null : r.assignee.slackUserId,
        })),
        total,
      };
    },
    async coverHoldings(workspaceId, assigneeIds) {
      if (assigneeIds.length === 0) return [];
      return prisma.$queryRaw<CoverHolding[]>`
        SELECT f."assigneeId", c."slackUserId" AS "coverSlackUserId", count(*)::int AS "followUps"
        FROM "FollowUp" f JOIN "Member" c ON c.id = f."coverId"
        WHERE f."workspaceId" = ${workspaceId}::uuid AND f.status = 'pending'
          AND f."assigneeId" = ANY(${assigneeIds}::uuid[])
        GROUP BY 1, 2 ORDER BY 3 DESC, 2`;
    },
    async escalationsRaised(memberId, limit) {
      const where = { raisedById: memberId, status: { in: [...OPEN] } };
      const [rows, total] = await Promise.all([
        prisma.escalation.findMany({ where, orderBy: { dueAt: "asc" }, take: limit, select: escalationSelect }),
        prisma.escalation.count({ where }),
      ]);
      return { items: rows.map(toEscalation), total };
    },
    async teamQueue(workspaceId, teamId, limit) {
      const where = { workspaceId, status: { in: [...OPEN] }, ...(teamId ? { teamId } : {}) };
      const [rows, total] = await Promise.all([
        prisma.escalation.findMany({ where, orderBy: { dueAt: "asc" }, take: limit, select: escalationSelect }),
        prisma.escalation.count({ where }),
      ]);
      return { items: rows.map(toEscalation), total };
    },
    async breachingSoon(workspaceId, teamId, now, until, limit) {
      const where = {
        workspaceId,
        status: "open" as const,
        dueAt: { gt: now, lte: until },
        ...(teamId ? { teamId } : {}),
      };
      const [rows, total] = await Promise.all([
        prisma.escalation.findMany({ where, orderBy: { dueAt: "asc" }, take: limit, select: escalationSelect }),
        prisma.escalation.count({ where }),
      ]);
      return { items: rows.map(toEscalation), total };
    },
    async campaignsRunning(workspaceId, createdById, limit) {
      const rows = await prisma.campaign.findMany({
        where: { workspaceId, endedAt: null, ...(createdById ? { createdById } : {}) },
        orderBy: { endsAt: "asc" },
        take: limit,
        select: { id: true, name: true, endsAt: true },
      });
      if (rows.length === 0) return [];
      const figures = await prisma.$queryRaw<
        Array<{ campaignId: string; handedOut: number; contacted: number; wonBack: number }>
      >`
        SELECT "campaignId", count(*) FILTER (WHERE status = 'sent')::int AS "handedOut",
               count(*) FILTER (WHERE "contactedAt" IS NOT NULL)::int AS contacted,
               count(*) FILTER (WHERE "wonBackAt" IS NOT NULL)::int AS "wonBack"
        FROM "Outreach" WHERE "campaignId" = ANY(${rows.map((r) => r.id)}::uuid[]) GROUP BY 1`;
      const byId = new Map(figures.map((f) => [f.campaignId, f]));
      return rows.map((r) => ({
        ...r,
        handedOut: byId.get(r.id)?.handedOut ?? 0,
        contacted: byId.get(r.id)?.contacted ?? 0,
        wonBack: byId.get(r.id)?.wonBack ?? 0,
      }));
    },
  };
}
