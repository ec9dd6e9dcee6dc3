import { Prisma } from "../../generated/prisma/client.js";

// Whether a customer was won back after a complaint, judged from what happened after it:
//   lost           — marked as lost (churned), or lapsed (nothing logged for the workspace's lapsed
//                    days), within 90 days of the complaint;
//   recovered      — otherwise, when the satisfaction follow-up said satisfied, or the next
//                    interaction went well (not another complaint, resolved, not in a bad mood);
//   not recovered  — the follow-up said not satisfied, the next interaction went badly, or
//                    RECOVERY_DAYS passed with neither;
//   pending        — too early to say.
// Everything is read as it stood at `asOf` (a period's end), so a past period keeps its figures.

/** Days after a complaint in which losing the customer counts against it. */
export const RECOVERY_WINDOW_DAYS = 90;
/**
 * Days after a complaint when the reports judge it: once the whole window has passed, so a lapse
 * or a churn within it is known. (The customer card says how it stands so far at any time.)
 */
export const RECOVERY_DAYS = RECOVERY_WINDOW_DAYS;

export type RecoveryState = "recovered" | "notRecovered" | "lost" | "pending";

/**
 * The joins and the state of complaint `c` (columns id, "workspaceId", "customerId", t) as of
 * the timestamptz expression `asOf`: `FROM complaints c ${recoveryJoins(...)}`, then select
 * `${RECOVERY_STATE} AS state`.
 */
export function recoveryJoins(asOf: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    CROSS JOIN LATERAL (SELECT ${asOf} AS at, least(c.t + interval '${Prisma.raw(String(RECOVERY_WINDOW_DAYS))} days', ${asOf}) AS until) w
    JOIN "Workspace" ws ON ws.id = c."workspaceId"
    JOIN "Customer" cu ON cu.id = c."customerId"
    LEFT JOIN LATERAL (
      SELECT x.kind, x.outcome, x.sentiment, x."occurredAt"
      FROM "Interaction" x
      WHERE x."workspaceId" = c."workspaceId" AND x."customerId" = c."customerId" AND x."deletedAt" IS NULL
        AND x."occurredAt" > c.t AND x."occurredAt" <= w.until AND x.id <> c.id
      ORDER BY x."occurredAt" LIMIT 1
    ) n ON true
    LEFT JOIN LATERAL (
      SELECT bool_or(f.outcome = 'satisfied') AS satisfied, bool_or(f.outcome = 'not_satisfied') AS unsatisfied
      FROM "FollowUp" f
      WHERE f."interactionId" = c.id AND f.status = 'done' AND f."completedAt" <= w.at
    ) s ON true`;
}

export const RECOVERY_STATE = Prisma.sql`CASE
    WHEN (cu."churnedAt" > c.t AND cu."churnedAt" <= w.until)
      OR (ws."lapsedDays" <= ${RECOVERY_WINDOW_DAYS} AND c.t + make_interval(days => ws."lapsedDays") <= w.at
          AND (n."occurredAt" IS NULL OR n."occurredAt" > c.t + make_interval(days => ws."lapsedDays"))) THEN 'lost'
    WHEN s.unsatisfied THEN 'notRecovered'
    WHEN s.satisfied OR (n.kind <> 'complaint' AND n.outcome = 'resolved' AND n.sentiment IS DISTINCT FROM 'negative')
      THEN 'recovered'
    WHEN n.kind = 'complaint' OR n.sentiment = 'negative' THEN 'notRecovered'
    WHEN c.t + interval '${Prisma.raw(String(RECOVERY_DAYS))} days' <= w.at THEN 'notRecovered'
    ELSE 'pending'
  END`;
