// Rows for the CSV export, read a page at a time (keyset paging), oldest first.
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { RECOVERY_STATE, recoveryJoins } from "./recovery.sql.js";
import type { Span } from "./report.types.js";

export interface ExportFilter {
  teamId?: string;
  authorId?: string;
}

export interface InteractionRow {
  id: string;
  occurredAt: Date;
  customer: string;
  customerExternalId: string | null;
  kind: string;
  channel: string;
  outcome: string;
  sentiment: string | null;
  summary: string;
  author: string;
  permalink: string | null;
  /** A complaint's category and root cause (a default's key, or the name an admin gave). */
  category: string | null;
  rootCause: string | null;
  rootCauseNote: string | null;
  /** A complaint's recovery as of the export (recovered, notRecovered, lost, pending). */
  recovery: string | null;
}

export interface EscalationRow {
  id: string;
  createdAt: Date;
  customer: string;
  team: string | null;
  raisedBy: string;
  status: string;
  severity: string;
  reason: string;
  requestedAction: string;
  amount: string | null;
  dueAt: Date;
  /** When it would go to the director: the time by which it counts as decided in time. */
  handoffAt: Date;
  /** Claimed, decided or cancelled first, if ever. */
  firstAnsweredAt: Date | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  decisionNote: string | null;
}

export interface ExportRepository {
  interactions(workspaceId: string, span: Span, filter: ExportFilter): AsyncIterable<InteractionRow>;
  escalations(workspaceId: string, span: Span, filter: ExportFilter): AsyncIterable<EscalationRow>;
}

const PAGE = 2_000;

/** Every row `read` returns, a page at a time, each page after the last row of the one before. */
async function* paged<T extends { id: string }>(read: (after: string | undefined) => Promise<T[]>): AsyncIterable<T> {
  let after: string | undefined;
  for (;;) {
    const page = await read(after);
    yield* page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]?.id;
  }
}
const after = (cursor: string | undefined): { cursor?: { id: string }; skip?: number } =>
  cursor ? { cursor: { id: cursor }, skip: 1 } : {};
const who = (m: { slackUserId: string; displayName: string | null } | null) =>
  m ? (m.displayName ? `${m.displayName} (${m.slackUserId})` : m.slackUserId) : "";

const categoryLabel = (c: { key: string | null; name: string | null } | null) => (c ? (c.name ?? c.key) : null);

export function createExportRepository(prisma: PrismaClient, now: () => Date = () => new Date()): ExportRepository {
  /** The recovery of each complaint of a page, as of now. */
  async function recoveryOf(workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await prisma.$queryRaw<Array<{ id: string; state: string }>>`
      WITH c AS (
        SELECT i.id, i."workspaceId", i."customerId", i."occurredAt" AS t FROM "Interaction" i
        WHERE i."workspaceId" = ${workspaceId}::uuid AND i.id IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})
      )
      SELECT c.id, ${RECOVERY_STATE} AS state FROM c ${recoveryJoins(Prisma.sql`${now()}::timestamptz`)}`;
    return new Map(rows.map((r) => [r.id, r.state]));
  }

  return {
    interactions(workspaceId, span, filter) {
      const where: Prisma.InteractionWhereInput = {
        workspaceId,
        deletedAt: null,
        occurredAt: { gte: span.from, lt: span.to },
        ...(filter.authorId ? { authorId: filter.authorId } : {}),
        ...(filter.teamId ? { author: { teamId: filter.teamId } } : {}),
      };
      return paged(async (cursor) => {
        const rows = await prisma.interaction.findMany({
          where,
          orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
          take: PAGE,
          ...after(cursor),
          include: {
            customer: { select: { name: true, externalId: true } },
            author: { select: { slackUserId: true, displayName: true } },
            reasonCategory: { select: { key: true, name: true } },
            rootCause: { select: { key: true, name: true } },
          },
        });
        const recovery = await recoveryOf(
          workspaceId,
          rows.filter((r) => r.kind === "complaint").map((r) => r.id),
        );
        return rows.map((row) => ({
          id: row.id,
          occurredAt: row.occurredAt,
          customer: row.customer.name,
          customerExternalId: row.customer.externalId,
          kind: row.kind,
          channel: row.channel,
          outcome: row.outcome,
          sentiment: row.sentiment,
          summary: row.summary,
          author: who(row.author),
          permalink: row.sourcePermalink,
          category: categoryLabel(row.reasonCategory),
          rootCause: categoryLabel(row.rootCause),
          rootCauseNote: row.rootCauseNote,
          recovery: recovery.get(row.id) ?? null,
        }));
      });
    },
    escalations(workspaceId, span, filter) {
      const where: Prisma.EscalationWhereInput = {
        workspaceId,
        createdAt: { gte: span.from, lt: span.to },
        ...(filter.authorId ? { raisedById: filter.authorId } : {}),
        ...(filter.teamId ? { teamId: filter.teamId } : {}),
      };
      return paged(async (cursor) => {
        const page = await prisma.escalation.findMany({
          where,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: PAGE,
          ...after(cursor),
          include: {
            customer: { select: { name: true } },
            team: { select: { name: true } },
            raisedBy: { select: { slackUserId: true, displayName: true } },
            events: {
              where: { toStatus: { not: "open" } },
              orderBy: { createdAt: "asc" },
              take: 1,
              select: { createdAt: true },
            },
          },
        });
        const deciders = new Map(
          (
            await prisma.member.findMany({
              where: { id: { in: page.flatMap((e) => (e.decidedById ? [e.decidedById] : [])) } },
              select: { id: true, slackUserId: true, displayName: true },
            })
          ).map((m) => [m.id, m]),
        );
        return page.map((row) => ({
          id: row.id,
          createdAt: row.createdAt,
          customer: row.customer.name,
          team: row.team?.name ?? null,
          raisedBy: who(row.raisedBy),
          status: row.status,
          severity: row.severity,
          reason: row.reason,
          requestedAction: row.requestedAction,
          amount: row.amount?.toString() ?? null,
          dueAt: row.dueAt,
          handoffAt: row.handoffAt,
          firstAnsweredAt: row.events[0]?.createdAt ?? null,
          decidedAt: row.decidedAt,
          decidedBy: row.decidedById ? who(deciders.get(row.decidedById) ?? null) : null,
          decisionNote: row.decisionNote,
        }));
      });
    },
  };
}
