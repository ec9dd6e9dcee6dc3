import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/audit.repository.js";
import { normalizeName } from "../customers/normalize.js";

/** A customer as an import compares it. */
export interface ExistingCustomer {
  id: string;
  name: string;
  normalizedName: string;
  email: string | null;
  phone: string | null;
  externalId: string | null;
  createKey: string | null;
  tier: string | null;
  tags: string[];
  optedOutOfOffers: boolean;
  ownerId: string | null;
  lastContactAt: Date | null;
  notes: string | null;
}

export interface CustomerFields {
  name: string;
  email: string | null;
  phone: string | null;
  externalId: string | null;
  tier: string | null;
  tags: string[];
  optedOutOfOffers: boolean;
  ownerId: string | null;
  lastContactAt: Date | null;
  notes: string | null;
}

export interface ImportRepository {
  /** This workspace's customers holding any of the keys (or, for names, the same name). */
  existing(
    workspaceId: string,
    keys: { externalIds: string[]; emails: string[]; phones: string[]; createKeys: string[]; names: string[] },
  ): Promise<ExistingCustomer[]>;
  /** Creates (once per create key: a second run of the same rows creates nothing) and updates, in one transaction. */
  write(
    workspaceId: string,
    creates: Array<CustomerFields & { createKey: string }>,
    updates: Array<{ id: string; fields: Partial<CustomerFields> }>,
  ): Promise<{ created: number; updated: number }>;
  audit(workspaceId: string, actorId: string | null, data: Record<string, unknown>): Promise<void>;
}

const select = {
  id: true,
  name: true,
  normalizedName: true,
  email: true,
  phone: true,
  externalId: true,
  createKey: true,
  tier: true,
  tags: true,
  optedOutOfOffers: true,
  ownerId: true,
  lastContactAt: true,
  notes: true,
} as const;

export function createImportRepository(prisma: PrismaClient): ImportRepository {
  return {
    existing(workspaceId, keys) {
      return prisma.customer.findMany({
        where: {
          workspaceId,
          OR: [
            { externalId: { in: keys.externalIds } },
            { email: { in: keys.emails } },
            { phone: { in: keys.phones } },
            { createKey: { in: keys.createKeys } },
            { normalizedName: { in: keys.names } },
          ],
        },
        select,
      });
    },
    async write(workspaceId, creates, updates) {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.customer.createMany({
          data: creates.map((c) => ({
            id: randomUUID(),
            workspaceId,
            normalizedName: normalizeName(c.name),
            ...c,
          })),
          skipDuplicates: true,
        });
        for (const u of updates) {
          await tx.customer.updateMany({
            where: { id: u.id, workspaceId },
            data: { ...u.fields, ...(u.fields.name ? { normalizedName: normalizeName(u.fields.name) } : {}) },
          });
        }
        return { created: count, updated: updates.length };
      });
    },
    audit: (workspaceId, actorId, data) =>
      recordAudit(prisma, {
        workspaceId,
        actorId,
        action: "customers.imported",
        entityType: "Workspace",
        entityId: workspaceId,
        data: JSON.parse(JSON.stringify(data)),
      }),
  };
}
