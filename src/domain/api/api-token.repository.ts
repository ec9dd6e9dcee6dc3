import type { PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/audit.repository.js";
import type { ApiCaller, ApiScope, ApiTokenInfo } from "./api-token.types.js";

export interface ApiTokenRepository {
  create(
    workspaceId: string,
    actorId: string,
    token: { name: string; scope: ApiScope; hash: string; hint: string },
  ): Promise<ApiTokenInfo>;
  list(workspaceId: string): Promise<ApiTokenInfo[]>;
  /** Revokes the workspace's live tokens of that name: how many. */
  revoke(workspaceId: string, actorId: string, name: string, at: Date): Promise<number>;
  /**
   * The live token with this hash, counting this request in its current minute (a new minute
   * starts the count again), noting its use and auditing the request, in one statement: null when none.
   */
  use(hash: string, now: Date, windowMs: number, request: { method: string; path: string }): Promise<ApiCaller | null>;
}

const WINDOW_SQL_COLUMNS = `"id", "workspaceId", "name", "scope", "windowStart", "windowCount"`;

const info = (row: {
  id: string;
  name: string;
  scope: string;
  hint: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}): ApiTokenInfo => ({ ...row, scope: row.scope as ApiScope });

export function createApiTokenRepository(prisma: PrismaClient): ApiTokenRepository {
  const select = { id: true, name: true, scope: true, hint: true, createdAt: true, lastUsedAt: true } as const;
  return {
    async create(workspaceId, actorId, token) {
      return prisma.$transaction(async (tx) => {
        const row = await tx.apiToken.create({ data: { workspaceId, createdById: actorId, ...token }, select });
        await recordAudit(tx, {
          workspaceId,
          actorId,
          action: "apiToken.created",
          entityType: "apiToken",
          entityId: row.id,
          data: { name: token.name, scope: token.scope },
        });
        return info(row);
      });
    },
    async list(workspaceId) {
      const rows = await prisma.apiToken.findMany({
        where: { workspaceId, revokedAt: null },
        orderBy: { createdAt: "asc" },
        take: 50,
        select,
      });
      return rows.map(info);
    },
    async revoke(workspaceId, actorId, name, at) {
      return prisma.$transaction(async (tx) => {
        const rows = await tx.apiToken.findMany({
          where: { workspaceId, name, revokedAt: null },
          select: { id: true },
        });
        if (rows.length === 0) return 0;
        await tx.apiToken.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { revokedAt: at } });
        for (const row of rows)
          await recordAudit(tx, {
            workspaceId,
            actorId,
            action: "apiToken.revoked",
            entityType: "apiToken",
            entityId: row.id,
            data: { name },
          });
        return rows.length;
      });
    },
    async use(hash, now, windowMs, request) {
      const windowAgo = new Date(now.getTime() - windowMs);
      const [row] = await prisma.$queryRawUnsafe<
        Array<{ id: string; workspaceId: string; name: string; scope: string; windowStart: Date; windowCount: number }>
      >(
        `WITH used AS (
           UPDATE "ApiToken" SET
             "windowCount" = CASE WHEN "windowStart" IS NULL OR "windowStart" <= $2 THEN 1 ELSE "windowCount" + 1 END,
             "windowStart" = CASE WHEN "windowStart" IS NULL OR "windowStart" <= $2 THEN $3 ELSE "windowStart" END,
             "lastUsedAt" = $3
           WHERE "hash" = $1 AND "revokedAt" IS NULL
           RETURNING ${WINDOW_SQL_COLUMNS}
         ), audit AS (
           INSERT INTO "AuditEvent" (id, "workspaceId", "actorId", action, "entityType", "entityId", data, "createdAt")
           SELECT gen_random_uuid(), used."workspaceId", NULL, 'api.request', 'apiToken', used.id::text, $4::jsonb, $3
           FROM used
         )
         SELECT * FROM used`,
        hash,
        windowAgo,
        now,
        JSON.stringify(request),
      );
      if (!row) return null;
      return {
        tokenId: row.id,
        tokenName: row.name,
        workspaceId: row.workspaceId,
        scope: row.scope as ApiScope,
        usedThisMinute: row.windowCount,
        windowStart: row.windowStart,
      };
    },
  };
}
