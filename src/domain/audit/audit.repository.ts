import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";

export interface AuditEntry {
  workspaceId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Prisma.InputJsonValue;
}

/** Who did what, when: written in the same transaction as the change it records. */
export async function recordAudit(db: PrismaClient | Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({ data: entry });
}
