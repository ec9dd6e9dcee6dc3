import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";

// What the API reads: interactions and customers a page at a time, newest (or first) first,
// each page after a cursor. Always within one workspace.

export interface ApiInteraction {
  id: string;
  customer: { id: string; name: string };
  kind: string;
  channel: string;
  summary: string;
  outcome: string;
  sentiment: string | null;
  occurredAt: string;
  author: { slackUserId: string };
  durationSeconds: number | null;
  sourceRef: string | null;
  createdAt: string;
}

export interface ApiCustomer {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  externalId: string | null;
  tier: string | null;
  tags: string[];
  status: string;
  owner: { slackUserId: string } | null;
  createdAt: string;
}

export interface ApiEscalation {
  id: string;
  customer: { id: string; name: string };
  interactionId: string;
  team: { id: string; name: string } | null;
  status: string;
  severity: string;
  reason: string;
  requestedAction: string;
  amount: string | null;
  raisedBy: { slackUserId: string };
  claimedBy: { slackUserId: string } | null;
  dueAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  createdAt: string;
}

export interface ApiFollowUp {
  id: string;
  customer: { id: string; name: string };
  assignee: { slackUserId: string };
  status: string;
  note: string;
  dueAt: string;
  completedAt: string | null;
  outcome: string | null;
  interactionId: string | null;
  escalationId: string | null;
  createdAt: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface InteractionFilter {
  since?: Date;
  until?: Date;
  teamId?: string;
  customerId?: string;
}

export interface ApiReadRepository {
  interactions(
    workspaceId: string,
    filter: InteractionFilter,
    cursor: string | null,
    limit: number,
  ): Promise<Page<ApiInteraction>>;
  /** In the order created; `since`/`until` on when, `teamId` the owner's team. */
  customers(
    workspaceId: string,
    filter: InteractionFilter,
    cursor: string | null,
    limit: number,
  ): Promise<Page<ApiCustomer>>;
  /** Newest first (by when they were raised); `since`/`until` on that time; `teamId` the escalation's team. */
  escalations(
    workspaceId: string,
    filter: InteractionFilter,
    cursor: string | null,
    limit: number,
  ): Promise<Page<ApiEscalation>>;
  /** By due time, latest first; `since`/`until` on it; `teamId` the assignee's team. */
  followUps(
    workspaceId: string,
    filter: InteractionFilter,
    cursor: string | null,
    limit: number,
  ): Promise<Page<ApiFollowUp>>;
  customer(workspaceId: string, id: string): Promise<ApiCustomer | null>;
}

/** A cursor: where the last page ended (its last row's time and id), opaque to callers. */
const encodeCursor = (at: Date, id: string) =>
  Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");
export function decodeCursor(cursor: string): { at: Date; id: string } | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    const date = new Date(at);
    if (Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) return null;
    return { at: date, id };
  } catch {
    return null;
  }
}

/** One page of `rows` (fetched one past `limit`), and the cursor after its last row when more follow. */
function pageOf<R extends { id: string }, T>(
  rows: R[],
  limit: number,
  at: (row: R) => Date,
  shape: (row: R) => T,
): Page<T> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { data: page.map(shape), nextCursor: rows.length > limit && last ? encodeCursor(at(last), last.id) : null };
}

const interactionSelect = {
  id: true,
  kind: true,
  channel: true,
  summary: true,
  outcome: true,
  sentiment: true,
  occurredAt: true,
  createdAt: true,
  durationSeconds: true,
  sourceRef: true,
  customer: { select: { id: true, name: true } },
  author: { select: { slackUserId: true } },
} as const;
const customerSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  externalId: true,
  tier: true,
  tags: true,
  status: true,
  createdAt: true,
  owner: { select: { slackUserId: true } },
} as const;
type CustomerRow = Prisma.CustomerGetPayload<{ select: typeof customerSelect }>;
const toCustomer = (c: CustomerRow): ApiCustomer => ({ ...c, createdAt: c.createdAt.toISOString() });

export function createApiReadRepository(prisma: PrismaClient): ApiReadRepository {
  return {
    async interactions(workspaceId, filter, cursor, limit) {
      const after = cursor ? decodeCursor(cursor) : null;
      const rows = await prisma.interaction.findMany({
        where: {
          workspaceId,
          deletedAt: null,
          ...(filter.customerId ? { customerId: filter.customerId } : {}),
          ...(filter.teamId ? { author: { teamId: filter.teamId } } : {}),
          AND: [
            filter.since ? { occurredAt: { gte: filter.since } } : {},
            filter.until ? { occurredAt: { lt: filter.until } } : {},
            after ? { OR: [{ occurredAt: { lt: after.at } }, { occurredAt: after.at, id: { lt: after.id } }] } : {},
          ],
        },
        orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
        take: limit + 1,
        select: interactionSelect,
      });
      return pageOf(
        rows,
        limit,
        (r) => r.occurredAt,
        (r) => ({ ...r, occurredAt: r.occurredAt.toISOString(), createdAt: r.createdAt.toISOString() }),
      );
    },
    async customers(workspaceId, filter, cursor, limit) {
      const after = cursor ? decodeCursor(cursor) : null;
      const rows = await prisma.customer.findMany({
        where: {
          workspaceId,
          ...(filter.teamId ? { owner: { teamId: filter.teamId } } : {}),
          AND: [
            filter.since ? { createdAt: { gte: filter.since } } : {},
            filter.until ? { createdAt: { lt: filter.until } } : {},
            after ? { OR: [{ createdAt: { gt: after.at } }, { createdAt: after.at, id: { gt: after.id } }] } : {},
          ],
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: limit + 1,
        select: customerSelect,
      });
      return pageOf(rows, limit, (r) => r.createdAt, toCustomer);
    },
    async escalations(workspaceId, filter, cursor, limit) {
      const after = cursor ? decodeCursor(cursor) : null;
      const rows = await prisma.escalation.findMany({
        where: {
          workspaceId,
          ...(filter.teamId ? { teamId: filter.teamId } : {}),
          AND: [
            filter.since ? { createdAt: { gte: filter.since } } : {},
            filter.until ? { createdAt: { lt: filter.until } } : {},
            after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {},
          ],
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: limit + 1,
        select: {
          id: true,
          interactionId: true,
          status: true,
          severity: true,
          reason: true,
          requestedAction: true,
          amount: true,
          dueAt: true,
          decidedAt: true,
          decisionNote: true,
          createdAt: true,
          customer: { select: { id: true, name: true } },
          team: { select: { id: true, name: true } },
          raisedBy: { select: { slackUserId: true } },
          claimedBy: { select: { slackUserId: true } },
        },
      });
      return pageOf(
        rows,
        limit,
        (e) => e.createdAt,
        (e) => ({
          ...e,
          amount: e.amount === null ? null : e.amount.toString(),
          dueAt: e.dueAt.toISOString(),
          decidedAt: e.decidedAt?.toISOString() ?? null,
          createdAt: e.createdAt.toISOString(),
        }),
      );
    },
    async followUps(workspaceId, filter, cursor, limit) {
      const after = cursor ? decodeCursor(cursor) : null;
      const rows = await prisma.followUp.findMany({
        where: {
          workspaceId,
          status: { not: "cancelled" },
          ...(filter.teamId ? { assignee: { teamId: filter.teamId } } : {}),
          AND: [
            filter.since ? { dueAt: { gte: filter.since } } : {},
            filter.until ? { dueAt: { lt: filter.until } } : {},
            after ? { OR: [{ dueAt: { lt: after.at } }, { dueAt: after.at, id: { lt: after.id } }] } : {},
          ],
        },
        orderBy: [{ dueAt: "desc" }, { id: "desc" }],
        take: limit + 1,
        select: {
          id: true,
          status: true,
          note: true,
          dueAt: true,
          completedAt: true,
          outcome: true,
          interactionId: true,
          escalationId: true,
          createdAt: true,
          customer: { select: { id: true, name: true } },
          assignee: { select: { slackUserId: true } },
        },
      });
      return pageOf(
        rows,
        limit,
        (f) => f.dueAt,
        (f) => ({
          ...f,
          dueAt: f.dueAt.toISOString(),
          completedAt: f.completedAt?.toISOString() ?? null,
          createdAt: f.createdAt.toISOString(),
        }),
      );
    },
    async customer(workspaceId, id) {
      const row = await prisma.customer.findFirst({ where: { workspaceId, id }, select: customerSelect });
      return row ? toCustomer(row) : null;
    },
  };
}
