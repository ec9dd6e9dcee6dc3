import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { RECOVERY_DAYS, RECOVERY_STATE, type RecoveryState, recoveryJoins } from "./recovery.sql.js";
import type { ReportRepository } from "./report.repository.js";
import type { RecoveryCount } from "./report.types.js";
import { int, teamPeople } from "./report-scope.sql.js";

// The report queries on recovery after complaints: a customer's latest complaints, and each
// person's complaints judged in a period.

export function recoveryQueries(
  prisma: PrismaClient,
  serially: <T>(query: Prisma.PrismaPromise<T>) => Promise<T>,
): Pick<ReportRepository, "customerRecovery" | "recoveryByPerson"> {
  return {
    async customerRecovery(workspaceId, customerId, now, limit) {
      const rows = await prisma.$queryRaw<
        Array<{ at: Date; state: RecoveryState; key: string | null; name: string | null }>
      >`
        WITH c AS (
          SELECT i.id, i."workspaceId", i."customerId", i."occurredAt" AS t,
                 COALESCE(i."rootCauseCategoryId", i."reasonCategoryId") AS category
          FROM "Interaction" i
          WHERE i."workspaceId" = ${workspaceId}::uuid AND i."customerId" = ${customerId}::uuid
            AND i."deletedAt" IS NULL AND i.kind = 'complaint' AND i."occurredAt" <= ${now}
          ORDER BY i."occurredAt" DESC LIMIT ${limit}
        )
        SELECT c.t AS at, ${RECOVERY_STATE} AS state, rc.key, rc.name
        FROM c ${recoveryJoins(Prisma.sql`${now}::timestamptz`)}
        LEFT JOIN "ReasonCategory" rc ON rc.id = c.category
        ORDER BY c.t DESC`;
      return rows.map((r) => ({
        at: new Date(r.at),
        state: r.state,
        category: r.key || r.name ? { key: r.key, name: r.name } : null,
      }));
    },

    async recoveryByPerson(scope, span, previous, now) {
      const DAY = 24 * 60 * 60 * 1000;
      const asOf = (to: Date) => (to < now ? to : now);
      const back = (at: Date) => new Date(at.getTime() - RECOVERY_DAYS * DAY);
      // Judged in a span: complaints whose RECOVERY_DAYS ended in it (and have ended by now).
      const current = { from: back(span.from), to: back(asOf(span.to)) };
      const before = { from: back(previous.from), to: back(asOf(previous.to)) };
      const rows = await serially(prisma.$queryRaw<
        Array<{ memberId: string; current: boolean; judged: number; recovered: number }>
      >`
        WITH c AS (
          SELECT i.id, i."workspaceId", i."customerId", i."authorId", i."occurredAt" AS t,
                 (i."occurredAt" >= ${current.from}) AS current
          FROM "Interaction" i
          WHERE i."workspaceId" = ${scope.workspaceId}::uuid AND i."deletedAt" IS NULL AND i.kind = 'complaint'
            AND ((i."occurredAt" >= ${current.from} AND i."occurredAt" < ${current.to})
              OR (i."occurredAt" >= ${before.from} AND i."occurredAt" < ${before.to}))
            ${teamPeople(scope, 'i."authorId"')}
        )
        SELECT c."authorId" AS "memberId", c.current, count(*)::int AS judged,
               count(*) FILTER (WHERE ${RECOVERY_STATE} = 'recovered')::int AS recovered
        FROM c ${recoveryJoins(Prisma.sql`(CASE WHEN c.current THEN ${asOf(span.to)} ELSE ${asOf(previous.to)} END)::timestamptz`)}
        GROUP BY 1, 2`);
      const out = new Map<string, { current: RecoveryCount; previous: RecoveryCount }>();
      for (const row of rows) {
        const entry = out.get(row.memberId) ?? {
          current: { judged: 0, recovered: 0 },
          previous: { judged: 0, recovered: 0 },
        };
        entry[row.current ? "current" : "previous"] = { judged: int(row.judged), recovered: int(row.recovered) };
        out.set(row.memberId, entry);
      }
      return out;
    },
  };
}
