import { randomUUID } from "node:crypto";
import { Prisma } from "../../generated/prisma/client.js";
import { createKeyOf, normalizeEmail, normalizeName, normalizePhone } from "../customers/normalize.js";
import { clip } from "../text.js";
import type { CustomerContext, Interaction, LogInteraction } from "./interaction.types.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Complaints this recent are shown beside a new log. */
export const RECENT_COMPLAINT_DAYS = 90;

/** What the statement returns: the interaction as stored, and how this request found it. */
export type LoggedRow = Omit<Interaction, "id" | "fromIntake"> &
  CustomerContext & {
    state: "inserted" | "existing" | "noCustomer";
    id: string | null;
    requestKey: string | null;
  };

// The customer the interaction is for: one of this workspace's by id, or created (or met, when a
// concurrent request created the same one) on its create key.
function customerPart(input: LogInteraction): Prisma.Sql {
  if ("id" in input.customer)
    return Prisma.sql`SELECT id, name FROM "Customer" WHERE id = ${input.customer.id}::uuid AND "workspaceId" = ${input.workspaceId}::uuid`;
  const customer = input.customer.create;
  const email = customer.email ? normalizeEmail(customer.email) : null;
  return Prisma.sql`
    INSERT INTO "Customer" (id, "workspaceId", name, "normalizedName", email, phone, "externalId", "createKey", "updatedAt")
    VALUES (${randomUUID()}::uuid, ${input.workspaceId}::uuid, ${customer.name.trim()}, ${normalizeName(customer.name)},
            ${email}, ${customer.phone ? normalizePhone(customer.phone) : null}, ${customer.externalId ?? null},
            ${createKeyOf(customer)}, now())
    ON CONFLICT ("workspaceId", "createKey") DO UPDATE SET "createKey" = EXCLUDED."createKey"
    RETURNING id, name`;
}

const interactionColumns = Prisma.sql`i.id, i."workspaceId", i."customerId", i."authorId", i.kind::text AS kind,
  i.channel::text AS channel, i.summary, i.outcome::text AS outcome, i.sentiment::text AS sentiment, i."occurredAt",
  i."createdAt", i."deletedAt", i."sourcePermalink", i."sourceChannelId", i."sourceMessageTs", i."requestKey",
  i."reasonCategoryId", i."rootCauseCategoryId", i."rootCauseNote"`;

/**
 * One statement stores a log: the customer when new, the interaction, its satisfaction follow-up and
 * the audit line, all or nothing, with no transaction held open across round trips. A request seen
 * before (its request key or source message) returns the first interaction instead; a concurrent
 * twin of it returns no row at all, and the caller looks again.
 */
export function logStatement(input: LogInteraction, now: Date): Prisma.Sql {
  const { workspaceId, source, requestKey } = input;
  const interactionId = randomUUID();
  const seenBefore = [
    ...(requestKey ? [Prisma.sql`"requestKey" = ${requestKey}`] : []),
    ...(source
      ? [Prisma.sql`("sourceChannelId" = ${source.channelId} AND "sourceMessageTs" = ${source.messageTs})`]
      : []),
  ];
  const dueAt = input.followUpInDays ? new Date(input.occurredAt.getTime() + input.followUpInDays * DAY_MS) : null;
  const audit = { kind: input.kind, channel: input.channel, newCustomer: !("id" in input.customer) };
  const since = new Date(now.getTime() - RECENT_COMPLAINT_DAYS * DAY_MS);
  // The confirmation's context, read in the same statement. Its reads see the tables as they were
  // before this statement, so a row it inserts is added on top (the complaint, the follow-up).
  const context = (customerId: Prisma.Sql, inserted: boolean) => Prisma.sql`
    (SELECT count(*)::int FROM "Interaction" x WHERE x."workspaceId" = ${workspaceId}::uuid
       AND x."customerId" = ${customerId} AND x.kind = 'complaint' AND x."deletedAt" IS NULL
       AND x."occurredAt" >= ${since}::timestamptz)
      + ${inserted && input.kind === "complaint" && input.occurredAt >= since ? 1 : 0}::int AS "recentComplaints",
    (SELECT count(*)::int FROM "Escalation" x WHERE x."workspaceId" = ${workspaceId}::uuid
       AND x."customerId" = ${customerId} AND x.status IN ('open', 'claimed')) AS "openEscalations",
    (SELECT count(*)::int FROM "FollowUp" x WHERE x."workspaceId" = ${workspaceId}::uuid
       AND x."customerId" = ${customerId} AND x.status = 'pending')
      + ${inserted && dueAt ? 1 : 0}::int AS "followUpsDue",
    LEAST((SELECT min(x."dueAt") FROM "FollowUp" x WHERE x."workspaceId" = ${workspaceId}::uuid
       AND x."customerId" = ${customerId} AND x.status = 'pending'),
      ${inserted ? dueAt : null}::timestamptz) AS "nextFollowUpAt"`;
  return Prisma.sql`
    WITH existing AS (
      SELECT id FROM "Interaction"
      WHERE "workspaceId" = ${workspaceId}::uuid AND ${seenBefore.length ? Prisma.join(seenBefore, " OR ") : Prisma.sql`false`}
      LIMIT 1
    ),
    customer AS (${customerPart(input)}),
    inserted AS (
      INSERT INTO "Interaction" (id, "workspaceId", "customerId", "authorId", kind, channel, summary, outcome, sentiment,
        "occurredAt", "requestKey", "sourceChannelId", "sourceMessageTs", "sourcePermalink", "sourceAuthorId", "createdAt",
        "updatedAt", "durationSeconds", "sourceRef", "reasonCategoryId")
      SELECT ${interactionId}::uuid, ${workspaceId}::uuid, customer.id, ${input.authorId}::uuid,
        ${input.kind}::"InteractionKind", ${input.channel}::"ContactChannel", ${input.summary},
        ${input.outcome}::"Outcome", ${input.sentiment ?? null}::"Sentiment", ${input.occurredAt}::timestamptz,
        ${requestKey ?? null}, ${source?.channelId ?? null}, ${source?.messageTs ?? null},
        ${source?.permalink ?? null}, ${source?.authorSlackId ?? null},
        -- The app's clock, not the database's: the undo window is measured against it.
        ${now}::timestamptz, ${now}::timestamptz, ${input.durationSeconds ?? null}::int, ${input.sourceRef ?? null},
        -- Only one of this workspace's categories still in use (a forged id files it under none).
        (SELECT id FROM "ReasonCategory" WHERE id = ${input.reasonCategoryId ?? null}::uuid
           AND "workspaceId" = ${workspaceId}::uuid AND "retiredAt" IS NULL)
      FROM customer WHERE NOT EXISTS (SELECT 1 FROM existing)
      ON CONFLICT DO NOTHING
      RETURNING *
    ),
    follow_up AS (
      INSERT INTO "FollowUp" (id, "workspaceId", "customerId", "assigneeId", "interactionId", note, "dueAt")
      SELECT ${randomUUID()}::uuid, i."workspaceId", i."customerId", i."authorId", i.id, ${clip(input.summary, 500)},
        ${dueAt}::timestamptz
      FROM inserted i WHERE ${dueAt}::timestamptz IS NOT NULL
    ),
    audit AS (
      INSERT INTO "AuditEvent" (id, "workspaceId", "actorId", action, "entityType", "entityId", data)
      SELECT ${randomUUID()}::uuid, i."workspaceId", i."authorId", 'interaction.logged', 'Interaction', i.id::text,
        ${JSON.stringify(audit)}::jsonb
      FROM inserted i
    )
    SELECT 'inserted' AS state, ${interactionColumns}, customer.name AS "customerName", m."slackUserId" AS "authorSlackUserId",
      ${context(Prisma.sql`i."customerId"`, true)}
    FROM inserted i JOIN customer ON customer.id = i."customerId" JOIN "Member" m ON m.id = i."authorId"
    UNION ALL
    SELECT 'existing', ${interactionColumns}, c.name, m."slackUserId", ${context(Prisma.sql`i."customerId"`, false)}
    FROM "Interaction" i JOIN existing e ON e.id = i.id JOIN "Customer" c ON c.id = i."customerId"
      JOIN "Member" m ON m.id = i."authorId"
    UNION ALL
    SELECT 'noCustomer', NULL, ${workspaceId}::uuid, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
      NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    WHERE NOT EXISTS (SELECT 1 FROM customer) AND NOT EXISTS (SELECT 1 FROM existing)`;
}
