// The reports' figures: every number is a SQL aggregate over indexed columns,
// one round trip per group of figures; nothing loads rows to count them.
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { type Channel, KINDS, type Kind } from "../interactions/vocabulary.js";
import { recoveryQueries } from "./recovery.repository.js";
import type {
  CategoryCount,
  ComplaintRecovery,
  EscalationFigures,
  FollowUpFigures,
  PersonFigures,
  RecoveryCount,
  ReportScope,
  RetentionFigures,
  Span,
  Volume,
  WeekKindCount,
} from "./report.types.js";
import { int, teamPeople } from "./report-scope.sql.js";

export interface ReportRepository {
  volumes(scope: ReportScope, span: Span, previous: Span): Promise<{ current: Volume; previous: Volume }>;
  topComplaintReasons(scope: ReportScope, span: Span, limit: number): Promise<Array<{ reason: string; count: number }>>;
  /** Complaints by reason category in the span, beside the span before, most first. */
  reasonCategories(scope: ReportScope, span: Span, previous: Span, limit: number): Promise<CategoryCount[]>;
  /** Root causes recorded in the span, beside the span before, most first. */
  rootCauses(scope: ReportScope, span: Span, previous: Span, limit: number): Promise<CategoryCount[]>;
  /**
   * Per author: complaints judged in the span (those whose RECOVERY_DAYS ended in it, up to `now`)
   * and how many of them won the customer back; and the same for the span before.
   */
  recoveryByPerson(
    scope: ReportScope,
    span: Span,
    previous: Span,
    now: Date,
  ): Promise<Map<string, { current: RecoveryCount; previous: RecoveryCount }>>;
  /** A customer's latest complaints, newest first, each with whether the customer was won back (as of `now`). */
  customerRecovery(workspaceId: string, customerId: string, now: Date, limit: number): Promise<ComplaintRecovery[]>;
  escalations(scope: ReportScope, span: Span): Promise<EscalationFigures>;
  /** Per team: escalations whose claim deadline fell in the span, and how many were answered by it. */
  deadlinesByTeam(scope: ReportScope, span: Span): Promise<Map<string, { due: number; metOnTime: number }>>;
  followUps(scope: ReportScope, span: Span): Promise<FollowUpFigures>;
  retention(scope: ReportScope, span: Span): Promise<RetentionFigures>;
  /** One row per person in the scope (agents and managers, and anyone else with figures). */
  people(scope: ReportScope, span: Span, previous: Span, now: Date): Promise<PersonFigures[]>;
  /** Interactions by kind in each of the given weeks (`label` names the week in the answer). */
  weeklyKinds(scope: ReportScope, weeks: Array<Span & { label: string }>): Promise<WeekKindCount[]>;
}

const emptyVolume = (): Volume => ({ total: 0, resolved: 0, complaints: 0, byKind: {}, byChannel: {} });

/**
 * Interactions in the period or in the one before: one index range from the start of the
 * earlier to the end of the later (a single scan), less any gap between them.
 */
const bothSpans = (span: Span, previous: Span) =>
  Prisma.sql`AND i."occurredAt" >= ${previous.from} AND i."occurredAt" < ${span.to}
    AND (i."occurredAt" >= ${span.from} OR i."occurredAt" < ${previous.to})`;

export function createReportRepository(prisma: PrismaClient): ReportRepository {
  /**
   * Runs a report query without parallel workers. These queries read tens of thousands of
   * index entries (a few milliseconds of work); starting workers cost far more than that on
   * the two-core machines measured (people: 200 ms with workers, 35 ms without).
   */
  const serially = async <T>(query: Prisma.PrismaPromise<T>): Promise<T> =>
    (await prisma.$transaction([prisma.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`, query]))[1];

  return {
    async volumes(scope, span, previous) {
      const rows = await prisma.$queryRaw<
        Array<{ current: boolean; kind: Kind; channel: Channel; n: number; resolved: number }>
      >`
        SELECT (i."occurredAt" >= ${span.from}) AS current, i.kind::text AS kind, i.channel::text AS channel,
               count(*)::int AS n, count(*) FILTER (WHERE i.outcome = 'resolved')::int AS resolved
        FROM "Interaction" i
        WHERE i."workspaceId" = ${scope.workspaceId}::uuid AND i."deletedAt" IS NULL
          ${bothSpans(span, previous)}
          ${teamPeople(scope, 'i."authorId"')}
        GROUP BY 1, 2, 3`;
      const out = { current: emptyVolume(), previous: emptyVolume() };
      for (const row of rows) {
        const v = row.current ? out.current : out.previous;
        v.total += row.n;
        v.resolved += row.resolved;
        if (row.kind === "complaint") v.complaints += row.n;
        v.byKind[row.kind] = (v.byKind[row.kind] ?? 0) + row.n;
        v.byChannel[row.channel] = (v.byChannel[row.channel] ?? 0) + row.n;
      }
      return out;
    },

    async topComplaintReasons(scope, span, limit) {
      const team = scope.teamId ? Prisma.sql`AND e."teamId" = ${scope.teamId}::uuid` : Prisma.empty;
      const rows = await prisma.$queryRaw<Array<{ reason: string; n: number }>>`
        SELECT lower(btrim(e.reason)) AS reason, count(*)::int AS n
        FROM "Escalation" e JOIN "Interaction" i ON i.id = e."interactionId"
        WHERE e."workspaceId" = ${scope.workspaceId}::uuid AND e."createdAt" >= ${span.from} AND e."createdAt" < ${span.to}
          AND i.kind = 'complaint' ${team}
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`;
      return rows.map((r) => ({ reason: r.reason, count: r.n }));
    },

    async reasonCategories(scope, span, previous, limit) {
      const rows = await prisma.$queryRaw<
        Array<{ key: string | null; name: string | null; n: number; before: number }>
      >`
        SELECT c.key, c.name,
               count(*) FILTER (WHERE i."occurredAt" >= ${span.from})::int AS n,
               count(*) FILTER (WHERE i."occurredAt" < ${previous.to})::int AS before
        -- What was really behind it where that was found, else what it was filed under.
        FROM "Interaction" i JOIN "ReasonCategory" c ON c.id = COALESCE(i."rootCauseCategoryId", i."reasonCategoryId")
        WHERE i."workspaceId" = ${scope.workspaceId}::uuid AND i."deletedAt" IS NULL AND i.kind = 'complaint'
          AND ((i."occurredAt" >= ${span.from} AND i."occurredAt" < ${span.to})
            OR (i."occurredAt" >= ${previous.from} AND i."occurredAt" < ${previous.to}))
          ${teamPeople(scope, 'i."authorId"')}
        GROUP BY c.id, c.key, c.name ORDER BY 3 DESC, 4 DESC, c.id LIMIT ${limit}`;
      return rows
        .filter((r) => r.n > 0 || r.before > 0)
        .map((r) => ({ key: r.key, name: r.name, count: int(r.n), previous: int(r.before) }));
    },

    async rootCauses(scope, span, previous, limit) {
      const rows = await prisma.$queryRaw<
        Array<{ key: string | null; name: string | null; n: number; before: number }>
      >`
        SELECT c.key, c.name,
               count(*) FILTER (WHERE i."rootCauseAt" >= ${span.from})::int AS n,
               count(*) FILTER (WHERE i."rootCauseAt" < ${previous.to})::int AS before
        FROM "Interaction" i JOIN "ReasonCategory" c ON c.id = i."rootCauseCategoryId"
        WHERE i."workspaceId" = ${scope.workspaceId}::uuid AND i."deletedAt" IS NULL
          AND ((i."rootCauseAt" >= ${span.from} AND i."rootCauseAt" < ${span.to})
            OR (i."rootCauseAt" >= ${previous.from} AND i."rootCauseAt" < ${previous.to}))
          ${teamPeople(scope, 'i."authorId"')}
        GROUP BY c.id, c.key, c.name ORDER BY 3 DESC, 4 DESC, c.id LIMIT ${limit}`;
      return rows
        .filter((r) => r.n > 0)
        .map((r) => ({ key: r.key, name: r.name, count: int(r.n), previous: int(r.before) }));
    },

    ...recoveryQueries(prisma, serially),

    async escalations(scope, span) {
      const team = scope.teamId ? Prisma.sql`AND e."teamId" = ${scope.teamId}::uuid` : Prisma.empty;
      const [row] = await prisma.$queryRaw<
        Array<{
          opened: number;
          decided: number;
          median: number | null;
          breaches: number;
          deadlinesDue: number;
          decidedOnTime: number;
        }>
      >`
        SELECT count(*) FILTER (WHERE e."createdAt" >= ${span.from} AND e."createdAt" < ${span.to})::int AS opened,
               count(*) FILTER (WHERE e."decidedAt" >= ${span.from} AND e."decidedAt" < ${span.to})::int AS decided,
               (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e."decidedAt" - e."createdAt") / 3600)
                  FILTER (WHERE e."decidedAt" >= ${span.from} AND e."decidedAt" < ${span.to}))::float8 AS median,
               count(*) FILTER (WHERE e."dueAt" >= ${span.from} AND e."dueAt" < ${span.to} AND NOT EXISTS (
                  SELECT 1 FROM "EscalationEvent" ev
                  WHERE ev."escalationId" = e.id AND ev."toStatus" <> 'open' AND ev."createdAt" <= e."dueAt"))::int AS breaches,
               count(*) FILTER (WHERE e."dueAt" >= ${span.from} AND e."dueAt" < ${span.to})::int AS "deadlinesDue",
               count(*) FILTER (WHERE e."dueAt" >= ${span.from} AND e."dueAt" < ${span.to}
                  AND e."decidedAt" <= e."handoffAt")::int AS "decidedOnTime"
        FROM "Escalation" e
        WHERE e."workspaceId" = ${scope.workspaceId}::uuid ${team}
          AND ((e."createdAt" >= ${span.from} AND e."createdAt" < ${span.to})
            OR (e."decidedAt" >= ${span.from} AND e."decidedAt" < ${span.to})
            OR (e."dueAt" >= ${span.from} AND e."dueAt" < ${span.to}))`;
      return {
        opened: int(row?.opened),
        decided: int(row?.decided),
        medianDecisionHours: row?.median ?? null,
        breaches: int(row?.breaches),
        deadlinesDue: int(row?.deadlinesDue),
        decidedOnTime: int(row?.decidedOnTime),
      };
    },

    async deadlinesByTeam(scope, span) {
      const rows = await prisma.$queryRaw<Array<{ teamId: string; due: number; met: number }>>`
        SELECT e."teamId", count(*)::int AS due,
               count(*) FILTER (WHERE EXISTS (
                  SELECT 1 FROM "EscalationEvent" ev
                  WHERE ev."escalationId" = e.id AND ev."toStatus" <> 'open' AND ev."createdAt" <= e."dueAt"))::int AS met
        FROM "Escalation" e
        WHERE e."workspaceId" = ${scope.workspaceId}::uuid AND e."teamId" IS NOT NULL
          AND e."dueAt" >= ${span.from} AND e."dueAt" < ${span.to}
        GROUP BY 1`;
      return new Map(rows.map((r) => [r.teamId, { due: int(r.due), metOnTime: int(r.met) }]));
    },

    async followUps(scope, span) {
      const [row] = await prisma.$queryRaw<Array<FollowUpFigures>>`
        SELECT count(*)::int AS due,
               count(*) FILTER (WHERE f.status = 'done' AND f."completedAt" <= f."dueAt" + interval '1 day')::int AS "onTime",
               count(*) FILTER (WHERE f.status = 'done' AND f."completedAt" > f."dueAt" + interval '1 day')::int AS late,
               count(*) FILTER (WHERE f.status = 'pending')::int AS open,
               count(*) FILTER (WHERE f.status = 'done' AND f."completedById" = f."coverId")::int AS "byCover"
        FROM "FollowUp" f
        WHERE f."workspaceId" = ${scope.workspaceId}::uuid AND f."dueAt" >= ${span.from} AND f."dueAt" < ${span.to}
          AND f.status <> 'cancelled' ${teamPeople(scope, 'f."assigneeId"')}`;
      return {
        due: int(row?.due),
        onTime: int(row?.onTime),
        late: int(row?.late),
        open: int(row?.open),
        byCover: int(row?.byCover),
      };
    },

    async retention(scope, span) {
      const [row] = await prisma.$queryRaw<Array<RetentionFigures>>`
        SELECT count(*) FILTER (WHERE c.condition = 'lapsed')::int AS lapsed,
               count(*) FILTER (WHERE c.condition = 'at_risk')::int AS "atRisk",
               (SELECT count(*)::int FROM "Outreach" o
                 WHERE o."workspaceId" = ${scope.workspaceId}::uuid AND o."wonBackAt" >= ${span.from} AND o."wonBackAt" < ${span.to}
                 ${teamPeople(scope, 'o."recipientId"')}) AS "wonBack"
        FROM "CustomerCondition" c JOIN "Customer" cu ON cu.id = c."customerId"
        WHERE c."workspaceId" = ${scope.workspaceId}::uuid AND c.since >= ${span.from} AND c.since < ${span.to}
          ${teamPeople(scope, 'cu."ownerId"')}`;
      return { lapsed: int(row?.lapsed), atRisk: int(row?.atRisk), wonBack: int(row?.wonBack) };
    },

    async people(scope, span, previous, now) {
      const team = scope.teamId ? Prisma.sql`AND m."teamId" = ${scope.teamId}::uuid` : Prisma.empty;
      const kinds = Prisma.join(
        KINDS.map(
          (kind) =>
            Prisma.sql`count(*) FILTER (WHERE i."occurredAt" >= ${span.from} AND i.kind = ${kind}::"InteractionKind")::int AS ${Prisma.raw(`"k_${kind}"`)}`,
        ),
      );
      const rows = await serially(prisma.$queryRaw<Array<Record<string, unknown>>>`
        WITH ints AS (
          SELECT i."authorId" AS id,
                 count(*) FILTER (WHERE i."occurredAt" >= ${span.from})::int AS interactions,
                 count(*) FILTER (WHERE i."occurredAt" < ${span.from})::int AS previous,
                 count(*) FILTER (WHERE i."occurredAt" >= ${span.from} AND i.kind = 'complaint')::int AS complaints,
                 count(*) FILTER (WHERE i."occurredAt" >= ${span.from} AND i.kind = 'complaint' AND i.outcome = 'resolved')::int AS "complaintsResolved",
                 ${kinds}
          FROM "Interaction" i
          WHERE i."workspaceId" = ${scope.workspaceId}::uuid AND i."deletedAt" IS NULL
            ${bothSpans(span, previous)} ${teamPeople(scope, 'i."authorId"')}
          GROUP BY 1
        ), escs AS (
          SELECT e."raisedById" AS id, count(*)::int AS raised
          FROM "Escalation" e
          WHERE e."workspaceId" = ${scope.workspaceId}::uuid AND e."createdAt" >= ${span.from} AND e."createdAt" < ${span.to}
          GROUP BY 1
        ), answered AS (
          SELECT COALESCE(e."claimedById", e."decidedById") AS id, count(*)::int AS answered,
                 count(*) FILTER (WHERE EXISTS (
                    SELECT 1 FROM "EscalationEvent" ev
                    WHERE ev."escalationId" = e.id AND ev."toStatus" <> 'open' AND ev."createdAt" <= e."dueAt"))::int AS "answeredOnTime"
          FROM "Escalation" e
          WHERE e."workspaceId" = ${scope.workspaceId}::uuid AND e."dueAt" >= ${span.from} AND e."dueAt" < ${span.to}
            AND COALESCE(e."claimedById", e."decidedById") IS NOT NULL
          GROUP BY 1
        ), fus AS (
          SELECT f."assigneeId" AS id,
                 count(*) FILTER (WHERE f."dueAt" >= ${span.from} AND f."dueAt" < ${span.to} AND f.status <> 'cancelled')::int AS due,
                 count(*) FILTER (WHERE f."dueAt" >= ${span.from} AND f."dueAt" < ${span.to} AND f.status = 'done'
                                    AND f."completedAt" <= f."dueAt" + interval '1 day')::int AS "onTime",
                 count(*) FILTER (WHERE f.status = 'pending' AND f."dueAt" < ${now})::int AS overdue,
                 count(*) FILTER (WHERE f.status = 'done' AND f."completedAt" >= ${span.from} AND f."completedAt" < ${span.to}
                                    AND f.outcome = 'satisfied')::int AS satisfied,
                 count(*) FILTER (WHERE f.status = 'done' AND f."completedAt" >= ${span.from} AND f."completedAt" < ${span.to}
                                    AND f.outcome = 'not_satisfied')::int AS "notSatisfied"
          FROM "FollowUp" f
          WHERE f."workspaceId" = ${scope.workspaceId}::uuid
            AND ((f."dueAt" >= ${span.from} AND f."dueAt" < ${span.to})
              OR (f.status = 'pending' AND f."dueAt" < ${now})
              OR (f."completedAt" >= ${span.from} AND f."completedAt" < ${span.to}))
          GROUP BY 1
        )
        SELECT m.id, m."slackUserId", m."teamId", ints.*, escs.raised, fus.due, fus."onTime", fus.overdue,
               fus.satisfied, fus."notSatisfied", answered.answered, answered."answeredOnTime"
        FROM "Member" m
        LEFT JOIN ints ON ints.id = m.id
        LEFT JOIN escs ON escs.id = m.id
        LEFT JOIN answered ON answered.id = m.id
        LEFT JOIN fus ON fus.id = m.id
        WHERE m."workspaceId" = ${scope.workspaceId}::uuid ${team}
          AND (m.role IN ('agent', 'manager') OR ints.id IS NOT NULL OR escs.id IS NOT NULL OR fus.id IS NOT NULL
            OR answered.id IS NOT NULL)
        ORDER BY m."slackUserId"`);
      return rows.map((r) => ({
        memberId: String(r.id),
        slackUserId: String(r.slackUserId),
        teamId: (r.teamId as string | null) ?? null,
        interactions: int(r.interactions),
        previousInteractions: int(r.previous),
        byKind: Object.fromEntries(KINDS.map((k) => [k, int(r[`k_${k}`])]).filter(([, n]) => n)),
        complaints: int(r.complaints),
        complaintsResolved: int(r.complaintsResolved),
        escalationsRaised: int(r.raised),
        followUpsDue: int(r.due),
        followUpsOnTime: int(r.onTime),
        overdueNow: int(r.overdue),
        satisfied: int(r.satisfied),
        notSatisfied: int(r.notSatisfied),
        escalationsAnswered: int(r.answered),
        answeredOnTime: int(r.answeredOnTime),
      }));
    },

    async weeklyKinds(scope, weeks) {
      const first = weeks[0];
      const last = weeks.at(-1);
      if (!first || !last) return [];
      // One index range over all the weeks; width_bucket puts each row in its week by the
      // boundaries worked out in the reader's zone (no per-row time-zone arithmetic).
      const bounds = [...weeks.map((w) => w.from), last.to];
      const rows = await serially(prisma.$queryRaw<Array<{ idx: number; kind: Kind; n: number }>>`
        SELECT width_bucket(i."occurredAt", ${bounds}::timestamptz[]) AS idx, i.kind::text AS kind, count(*)::int AS n
        FROM "Interaction" i
        WHERE i."workspaceId" = ${scope.workspaceId}::uuid AND i."deletedAt" IS NULL
          AND i."occurredAt" >= ${first.from} AND i."occurredAt" < ${last.to}
          ${teamPeople(scope, 'i."authorId"')}
        GROUP BY 1, 2`);
      return rows.map((r) => ({ week: weeks[r.idx - 1]?.label ?? "", kind: r.kind, count: r.n }));
    },
  };
}
