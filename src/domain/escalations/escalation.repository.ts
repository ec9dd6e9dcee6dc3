import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/audit.repository.js";
import { createOnce } from "../create-once.js";
import { type Lease, leaseFrom } from "../outbound.js";
import { clip } from "../text.js";
import type { Decision, EscalationDetails, EscalationStatus, PersonRef, RaiseEscalation } from "./escalation.types.js";

const person = { select: { id: true, slackUserId: true, displayName: true } } as const;
const include = {
  customer: { select: { id: true, name: true, tier: true } },
  interaction: { select: { id: true, kind: true, summary: true, occurredAt: true } },
  raisedBy: person,
  claimedBy: person,
  team: { select: { id: true, name: true, directorId: true, directorChannelId: true } },
  workspace: { select: { currency: true } },
} as const;

type Row = Prisma.EscalationGetPayload<{ include: typeof include }>;

export interface NewEscalation extends RaiseEscalation {
  customerId: string;
  teamId: string | null;
  channelId: string | null;
  dueAt: Date;
  handoffAt: Date;
  /** When the scheduler posts the card if the first attempt never recorded its outcome. */
  postBy: Date;
}

export interface EscalationRepository {
  /** Stores it, unless its requestKey already raised one: then that one, with created false. */
  create(input: NewEscalation): Promise<{ escalation: EscalationDetails; created: boolean }>;
  get(workspaceId: string, id: string): Promise<EscalationDetails | null>;
  /** For the scheduler, which works across workspaces. */
  getById(id: string): Promise<EscalationDetails | null>;
  customerTier(workspaceId: string, customerId: string): Promise<string | null>;
  findByMessage(workspaceId: string, channelId: string, ts: string): Promise<EscalationDetails | null>;
  /**
   * Moves it from one of `from` to `to` only if nobody changed it since `version`:
   * of two managers acting at once, one wins. Null when another change came first.
   */
  transition(
    e: EscalationDetails,
    change: {
      decision: Decision;
      from: EscalationStatus[];
      to: EscalationStatus;
      actorId: string;
      note: string | null;
      claimedById?: string | null;
      now: Date;
      /** New time limits: a re-opened escalation starts its clock again. */
      deadlines?: { dueAt: Date; handoffAt: Date };
    },
  ): Promise<EscalationDetails | null>;
  recordPosted(id: string, channelId: string, ts: string): Promise<void>;
  recordPostFailure(id: string, error: string, retryAt: Date | null): Promise<void>;
  /**
   * Open escalations whose deadline passed without a reminder (or whose hand-off
   * time came), held for this caller until `until`; marked done only once sent.
   */
  leaseDueReminders(now: Date, until: Date, limit: number): Promise<Array<{ id: string } & Lease>>;
  leaseDueHandoffs(now: Date, until: Date, limit: number): Promise<Array<{ id: string } & Lease>>;
  /** Reminded (or, with `handOffNow`, past reminding: its hand-off is due at once). */
  markReminded(id: string, at: Date, handOffNow?: boolean): Promise<void>;
  markHandedOff(id: string, at: Date): Promise<void>;
  claimDuePosts(now: Date, leaseUntil: Date, limit: number): Promise<string[]>;
  releaseReminder(id: string): Promise<void>;
  releaseHandoff(id: string): Promise<void>;
}

export function createEscalationRepository(prisma: PrismaClient): EscalationRepository {
  async function details(row: Row | null): Promise<EscalationDetails | null> {
    if (!row) return null;
    const [complaints, recent, decidedBy] = await Promise.all([
      prisma.interaction.count({
        where: { workspaceId: row.workspaceId, customerId: row.customerId, kind: "complaint", deletedAt: null },
      }),
      prisma.interaction.findMany({
        where: { workspaceId: row.workspaceId, customerId: row.customerId, deletedAt: null },
        orderBy: { occurredAt: "desc" },
        take: 5,
        select: { kind: true, summary: true, occurredAt: true },
      }),
      row.decidedById ? prisma.member.findUnique({ where: { id: row.decidedById }, ...person }) : null,
    ]);
    return {
      id: row.id,
      workspaceId: row.workspaceId,
      status: row.status,
      severity: row.severity,
      reason: row.reason,
      requestedAction: row.requestedAction as EscalationDetails["requestedAction"],
      amount: row.amount?.toString() ?? null,
      currency: row.workspace.currency,
      note: row.note,
      version: row.version,
      createdAt: row.createdAt,
      dueAt: row.dueAt,
      handoffAt: row.handoffAt,
      decidedAt: row.decidedAt,
      decisionNote: row.decisionNote,
      channelId: row.channelId,
      messageTs: row.messageTs,
      postAttempts: row.postAttempts,
      customer: row.customer,
      interaction: row.interaction,
      raisedBy: row.raisedBy,
      claimedBy: row.claimedBy,
      decidedBy: decidedBy as PersonRef | null,
      team: row.team,
      history: { complaints, recent },
    };
  }

  const claimIds = async (sql: Prisma.Sql) => (await prisma.$queryRaw<Array<{ id: string }>>(sql)).map((r) => r.id);
  const leased = async (rows: Promise<Array<{ id: string; was: Date | null }>>) =>
    (await rows).map((r) => ({ id: r.id, ...leaseFrom(r.was) }));

  return {
    async create(input) {
      const { workspaceId, requestKey } = input;
      const { value, created } = await createOnce(
        async () =>
          requestKey
            ? details(
                await prisma.escalation.findUnique({
                  where: { workspaceId_requestKey: { workspaceId, requestKey } },
                  include,
                }),
              )
            : null,
        async () =>
          (await details(
            await prisma.$transaction(async (tx) => {
              const created = await tx.escalation.create({
                data: {
                  workspaceId: input.workspaceId,
                  interactionId: input.interactionId,
                  customerId: input.customerId,
                  teamId: input.teamId,
                  raisedById: input.raisedById,
                  severity: input.severity,
                  reason: input.reason,
                  requestedAction: input.requestedAction,
                  amount: input.amount ?? null,
                  note: input.note ?? null,
                  channelId: input.channelId,
                  dueAt: input.dueAt,
                  handoffAt: input.handoffAt,
                  nextPostAt: input.channelId ? input.postBy : null,
                  requestKey: input.requestKey ?? null,
                },
                include,
              });
              await tx.escalationEvent.create({
                data: { escalationId: created.id, actorId: input.raisedById, toStatus: "open", note: input.reason },
              });
              await tx.interaction.update({ where: { id: input.interactionId }, data: { outcome: "escalated" } });
              await recordAudit(tx, {
                workspaceId: input.workspaceId,
                actorId: input.raisedById,
                action: "escalation.raised",
                entityType: "Escalation",
                entityId: created.id,
                data: { severity: input.severity, requestedAction: input.requestedAction, channelId: input.channelId },
              });
              return created;
            }),
          )) as EscalationDetails,
      );
      return { escalation: value, created };
    },
    async get(workspaceId, id) {
      return details(await prisma.escalation.findFirst({ where: { workspaceId, id }, include }));
    },
    async getById(id) {
      return details(await prisma.escalation.findUnique({ where: { id }, include }));
    },
    async customerTier(workspaceId, customerId) {
      return (
        (await prisma.customer.findFirst({ where: { workspaceId, id: customerId }, select: { tier: true } }))?.tier ??
        null
      );
    },
    async findByMessage(workspaceId, channelId, ts) {
      return details(await prisma.escalation.findFirst({ where: { workspaceId, channelId, messageTs: ts }, include }));
    },
    async transition(e, change) {
      const decided = ["approved", "rejected", "resolved"].includes(change.to);
      const updated = await prisma.$transaction(async (tx) => {
        const { count } = await tx.escalation.updateMany({
          where: { id: e.id, workspaceId: e.workspaceId, version: e.version, status: { in: change.from } },
          data: {
            status: change.to,
            version: { increment: 1 },
            ...(change.claimedById !== undefined ? { claimedById: change.claimedById } : {}),
            ...(decided ? { decidedById: change.actorId, decidedAt: change.now, decisionNote: change.note } : {}),
            ...(change.deadlines
              ? {
                  ...change.deadlines,
                  remindedAt: null,
                  handedOffAt: null,
                  decidedById: null,
                  decidedAt: null,
                  decisionNote: null,
                }
              : {}),
          },
        });
        if (count === 0) return false;
        await tx.escalationEvent.create({
          data: {
            escalationId: e.id,
            actorId: change.actorId,
            fromStatus: e.status,
            toStatus: change.to,
            note: change.note,
          },
        });
        await recordAudit(tx, {
          workspaceId: e.workspaceId,
          actorId: change.actorId,
          action: `escalation.${change.decision}`,
          entityType: "Escalation",
          entityId: e.id,
          data: { from: e.status, to: change.to, note: change.note },
        });
        return true;
      });
      if (!updated) return null;
      return details(await prisma.escalation.findUnique({ where: { id: e.id }, include }));
    },
    async recordPosted(id, channelId, ts) {
      await prisma.escalation.update({
        where: { id },
        data: { channelId, messageTs: ts, nextPostAt: null, postError: null, postAttempts: { increment: 1 } },
      });
    },
    async recordPostFailure(id, error, retryAt) {
      await prisma.escalation.update({
        where: { id },
        data: { postError: clip(error, 500), nextPostAt: retryAt, postAttempts: { increment: 1 } },
      });
    },
    leaseDueReminders: (now, until, limit) =>
      leased(
        prisma.$queryRaw<Array<{ id: string; was: Date | null }>>`
          WITH due AS (
            SELECT id, "reminderLeaseUntil" AS was FROM "Escalation"
            WHERE status = 'open' AND "dueAt" <= ${now} AND "remindedAt" IS NULL AND "messageTs" IS NOT NULL
              AND ("reminderLeaseUntil" IS NULL OR "reminderLeaseUntil" < ${now})
            ORDER BY "dueAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
          UPDATE "Escalation" e SET "reminderLeaseUntil" = ${until} FROM due WHERE e.id = due.id
          RETURNING e.id, due.was`,
      ),
    leaseDueHandoffs: (now, until, limit) =>
      leased(
        prisma.$queryRaw<Array<{ id: string; was: Date | null }>>`
          WITH due AS (
            SELECT id, "handoffLeaseUntil" AS was FROM "Escalation"
            WHERE status = 'open' AND "handoffAt" <= ${now} AND "handedOffAt" IS NULL
              AND ("handoffLeaseUntil" IS NULL OR "handoffLeaseUntil" < ${now})
            ORDER BY "handoffAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
          UPDATE "Escalation" e SET "handoffLeaseUntil" = ${until} FROM due WHERE e.id = due.id
          RETURNING e.id, due.was`,
      ),
    async markReminded(id, at, handOffNow = false) {
      await prisma.escalation.update({
        where: { id },
        data: { remindedAt: at, reminderLeaseUntil: null, ...(handOffNow ? { handoffAt: at } : {}) },
      });
    },
    async markHandedOff(id, at) {
      await prisma.escalation.update({ where: { id }, data: { handedOffAt: at, handoffLeaseUntil: null } });
    },
    claimDuePosts: (now, leaseUntil, limit) =>
      claimIds(Prisma.sql`
        UPDATE "Escalation" SET "nextPostAt" = ${leaseUntil} WHERE id IN (
          SELECT id FROM "Escalation" WHERE "nextPostAt" <= ${now} AND "messageTs" IS NULL AND "channelId" IS NOT NULL
          ORDER BY "nextPostAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING id`),
    async releaseReminder(id) {
      await prisma.escalation.update({ where: { id }, data: { reminderLeaseUntil: null } });
    },
    async releaseHandoff(id) {
      await prisma.escalation.update({ where: { id }, data: { handoffLeaseUntil: null } });
    },
  };
}
