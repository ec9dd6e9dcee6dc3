import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/audit.repository.js";
import { DomainError, Errors } from "../errors.js";
import type {
  CustomerContext,
  Interaction,
  InteractionChanges,
  LogInteraction,
  TimelineEntry,
} from "./interaction.types.js";
import { type LoggedRow, logStatement, RECENT_COMPLAINT_DAYS } from "./log-statement.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface InteractionRepository {
  /** Stores it (and a new customer, a follow-up, the audit line) at once; a repeated requestKey or source returns the first. */
  log(
    input: LogInteraction,
    now: Date,
  ): Promise<{ interaction: Interaction; created: boolean; context: CustomerContext }>;
  get(workspaceId: string, id: string): Promise<Interaction | null>;
  findBySource(workspaceId: string, channelId: string, messageTs: string): Promise<Interaction | null>;
  latestForCustomer(workspaceId: string, customerId: string): Promise<Interaction | null>;
  update(workspaceId: string, id: string, changes: InteractionChanges, actorId: string): Promise<Interaction>;
  setPermalink(workspaceId: string, id: string, permalink: string): Promise<void>;
  softDelete(workspaceId: string, id: string, actorId: string, at: Date, reason: string): Promise<Interaction>;
  context(workspaceId: string, customerId: string, now: Date): Promise<CustomerContext>;
  timeline(
    workspaceId: string,
    customerId: string,
    offset: number,
    limit: number,
  ): Promise<{ entries: TimelineEntry[]; total: number }>;
}

const select = {
  id: true,
  workspaceId: true,
  customerId: true,
  authorId: true,
  kind: true,
  channel: true,
  summary: true,
  outcome: true,
  sentiment: true,
  occurredAt: true,
  createdAt: true,
  deletedAt: true,
  sourcePermalink: true,
  sourceChannelId: true,
  sourceMessageTs: true,
  requestKey: true,
  reasonCategoryId: true,
  rootCauseCategoryId: true,
  rootCauseNote: true,
  customer: { select: { name: true } },
  author: { select: { slackUserId: true } },
} as const;

type Row = Prisma.InteractionGetPayload<{ select: typeof select }>;
export const INTAKE_KEY_PREFIX = "intake:";

const fromLoggedRow = ({ state: _state, requestKey, ...row }: Omit<LoggedRow, keyof CustomerContext>): Interaction => ({
  ...row,
  id: row.id ?? "",
  fromIntake: requestKey?.startsWith(INTAKE_KEY_PREFIX) ?? false,
});

const toInteraction = ({ customer, author, requestKey, ...row }: Row): Interaction => ({
  ...row,
  fromIntake: requestKey?.startsWith(INTAKE_KEY_PREFIX) ?? false,
  customerName: customer.name,
  authorSlackUserId: author.slackUserId,
});

export function createInteractionRepository(prisma: PrismaClient): InteractionRepository {
  async function findExisting(input: LogInteraction): Promise<Interaction | null> {
    const { workspaceId, requestKey, source } = input;
    const row = await prisma.interaction.findFirst({
      where: {
        workspaceId,
        OR: [
          ...(requestKey ? [{ requestKey }] : []),
          ...(source ? [{ sourceChannelId: source.channelId, sourceMessageTs: source.messageTs }] : []),
        ],
      },
      select,
    });
    return row ? toInteraction(row) : null;
  }

  const repository: InteractionRepository = {
    async log(input, now) {
      const [row] = await prisma.$queryRaw<LoggedRow[]>(logStatement(input, now));
      if (row?.state === "noCustomer") throw Errors.customerUnavailable();
      if (row?.state === "inserted" || row?.state === "existing") {
        const { recentComplaints, openEscalations, followUpsDue, nextFollowUpAt, ...stored } = row;
        return {
          interaction: fromLoggedRow(stored),
          created: row.state === "inserted",
          context: { recentComplaints, openEscalations, followUpsDue, nextFollowUpAt },
        };
      }
      // A twin of this request (a retry, a double click) stored it a moment ago: it is the one.
      const twin = await findExisting(input);
      if (twin)
        return {
          interaction: twin,
          created: false,
          context: await repository.context(input.workspaceId, twin.customerId, now),
        };
      throw new Error("the interaction was neither stored nor found");
    },
    async get(workspaceId, id) {
      const row = await prisma.interaction.findFirst({ where: { workspaceId, id }, select });
      return row ? toInteraction(row) : null;
    },
    async latestForCustomer(workspaceId, customerId) {
      const row = await prisma.interaction.findFirst({
        where: { workspaceId, customerId, deletedAt: null },
        orderBy: { occurredAt: "desc" },
        select,
      });
      return row ? toInteraction(row) : null;
    },
    async findBySource(workspaceId, channelId, messageTs) {
      const row = await prisma.interaction.findFirst({
        where: { workspaceId, sourceChannelId: channelId, sourceMessageTs: messageTs },
        select,
      });
      return row ? toInteraction(row) : null;
    },
    update(workspaceId, id, changes, actorId) {
      return prisma.$transaction(async (tx) => {
        // The customer chosen in the edit form arrives as an id: it must be one of this workspace's.
        if (
          changes.customerId &&
          !(await tx.customer.findFirst({ where: { id: changes.customerId, workspaceId }, select: { id: true } }))
        )
          throw Errors.customerUnavailable();
        // So must a category (the service checks it is one still offered).
        if (
          changes.reasonCategoryId &&
          !(await tx.reasonCategory.findFirst({
            where: { id: changes.reasonCategoryId, workspaceId },
            select: { id: true },
          }))
        )
          throw new DomainError("reasonNotOffered");
        const row = await tx.interaction.update({ where: { id, workspaceId }, data: changes, select });
        await recordAudit(tx, {
          workspaceId,
          actorId,
          action: "interaction.edited",
          entityType: "Interaction",
          entityId: id,
          data: JSON.parse(JSON.stringify(changes)) as Prisma.InputJsonValue,
        });
        return toInteraction(row);
      });
    },
    async setPermalink(workspaceId, id, permalink) {
      await prisma.interaction.updateMany({ where: { workspaceId, id }, data: { sourcePermalink: permalink } });
    },
    softDelete(workspaceId, id, actorId, at, reason) {
      return prisma.$transaction(async (tx) => {
        const row = await tx.interaction.update({
          where: { id, workspaceId },
          data: { deletedAt: at, deletedById: actorId },
          select,
        });
        await tx.followUp.updateMany({
          where: { workspaceId, interactionId: id, status: "pending" },
          data: { status: "cancelled" },
        });
        await recordAudit(tx, {
          workspaceId,
          actorId,
          action: `interaction.${reason}`,
          entityType: "Interaction",
          entityId: id,
        });
        return toInteraction(row);
      });
    },
    async context(workspaceId, customerId, now) {
      const since = new Date(now.getTime() - RECENT_COMPLAINT_DAYS * DAY_MS);
      const [row] = await prisma.$queryRaw<
        Array<{ complaints: number; escalations: number; due: number; next: Date | null }>
      >`
        SELECT
          (SELECT count(*)::int FROM "Interaction" WHERE "workspaceId" = ${workspaceId}::uuid
             AND "customerId" = ${customerId}::uuid AND kind = 'complaint' AND "deletedAt" IS NULL
             AND "occurredAt" >= ${since}::timestamptz) AS complaints,
          (SELECT count(*)::int FROM "Escalation" WHERE "workspaceId" = ${workspaceId}::uuid
             AND "customerId" = ${customerId}::uuid AND status IN ('open', 'claimed')) AS escalations,
          f.due, f.next
        FROM (SELECT count(*)::int AS due, min("dueAt") AS next FROM "FollowUp"
              WHERE "workspaceId" = ${workspaceId}::uuid AND "customerId" = ${customerId}::uuid
                AND status = 'pending') f`;
      return {
        recentComplaints: row?.complaints ?? 0,
        openEscalations: row?.escalations ?? 0,
        followUpsDue: row?.due ?? 0,
        nextFollowUpAt: row?.next ?? null,
      };
    },
    async timeline(workspaceId, customerId, offset, limit) {
      const rows = await prisma.$queryRaw<Array<Record<string, unknown> & { total: bigint | number }>>`
        WITH entries AS (
          SELECT 'interaction' AS type, i.id::text AS id, i."occurredAt" AS at, i.kind::text AS kind, i.channel::text AS channel,
                 i.summary AS text, i.outcome::text AS status, NULL::text AS severity, m."displayName" AS person,
                 i."authorId"::text AS "authorId", i."requestKey" AS "requestKey"
          FROM "Interaction" i JOIN "Member" m ON m.id = i."authorId"
          WHERE i."workspaceId" = ${workspaceId}::uuid AND i."customerId" = ${customerId}::uuid AND i."deletedAt" IS NULL
          UNION ALL
          SELECT 'escalation', e.id::text, e."createdAt", NULL, NULL, e.reason, e.status::text, e.severity::text, NULL,
                 NULL, NULL
          FROM "Escalation" e WHERE e."workspaceId" = ${workspaceId}::uuid AND e."customerId" = ${customerId}::uuid
          UNION ALL
          SELECT 'followUp', f.id::text, f."dueAt", NULL, NULL, f.note, f.status::text, NULL, m."displayName",
                 NULL, NULL
          FROM "FollowUp" f JOIN "Member" m ON m.id = f."assigneeId"
          WHERE f."workspaceId" = ${workspaceId}::uuid AND f."customerId" = ${customerId}::uuid
        )
        SELECT *, count(*) OVER () AS total FROM entries ORDER BY at DESC, id LIMIT ${limit} OFFSET ${offset}`;
      const total = rows.length > 0 ? Number(rows[0]?.total) : 0;
      const entries = rows.map((r): TimelineEntry => {
        const base = { id: String(r.id), at: new Date(r.at as string | Date) };
        if (r.type === "interaction") {
          return {
            ...base,
            type: "interaction",
            kind: r.kind as never,
            channel: r.channel as never,
            summary: String(r.text),
            outcome: r.status as never,
            author: (r.person as string | null) ?? null,
            authorId: String(r.authorId),
            fromIntake: String(r.requestKey ?? "").startsWith(INTAKE_KEY_PREFIX),
          };
        }
        if (r.type === "escalation")
          return {
            ...base,
            type: "escalation",
            status: String(r.status),
            severity: String(r.severity),
            reason: String(r.text),
          };
        return {
          ...base,
          type: "followUp",
          status: String(r.status),
          note: String(r.text),
          assignee: (r.person as string | null) ?? null,
        };
      });
      return { entries, total };
    },
  };
  return repository;
}
