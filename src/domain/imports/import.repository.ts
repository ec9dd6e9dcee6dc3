import type { PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/audit.repository.js";
import { normalizeName } from "../customers/normalize.js";

/** What an import writes of a customer. */
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

/** A customer as an import compares it. */
export interface ExistingCustomer extends CustomerFields {
  id: string;
  normalizedName: string;
  createKey: string | null;
}

export interface ImportRepository {
  /** This workspace's customers holding any of the keys (or, for names, the same name). */
  existing(
    workspaceId: string,
    keys: { externalIds: string[]; emails: string[]; phones: string[]; createKeys: string[]; names: string[] },
  ): Promise<ExistingCustomer[]>;
  /** Creates (once per create key: a second run of the same rows creates nothing) and updates, a statement each. */
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
      // One statement per batch each way, the rows passed as arrays: a spreadsheet of 100,000
      // customers is written in a hundred statements, not a hundred thousand.
      const created = creates.length
        ? await prisma.$executeRaw`
            INSERT INTO "Customer" (id, "workspaceId", name, "normalizedName", email, phone, "externalId", tier, tags,
              "optedOutOfOffers", "ownerId", "lastContactAt", notes, "createKey", "updatedAt")
            SELECT gen_random_uuid(), ${workspaceId}::uuid, r.name, r.normalized, r.email, r.phone, r.external, r.tier,
              COALESCE((SELECT array_agg(t) FROM jsonb_array_elements_text(r.tags) t), '{}'), r.opted, r.owner,
              r.last, r.notes, r.key, now()
            FROM unnest(${creates.map((c) => c.name)}::text[], ${creates.map((c) => normalizeName(c.name))}::text[],
                        ${creates.map((c) => c.email)}::text[], ${creates.map((c) => c.phone)}::text[],
                        ${creates.map((c) => c.externalId)}::text[], ${creates.map((c) => c.tier)}::text[],
                        ${creates.map((c) => JSON.stringify(c.tags))}::jsonb[], ${creates.map((c) => c.optedOutOfOffers)}::boolean[],
                        ${creates.map((c) => c.ownerId)}::uuid[], ${creates.map((c) => c.lastContactAt)}::timestamptz[],
                        ${creates.map((c) => c.notes)}::text[], ${creates.map((c) => c.createKey)}::text[])
              AS r(name, normalized, email, phone, external, tier, tags, opted, owner, last, notes, key)
            -- A row written by an earlier run of the same import (its create key, its external id) is there already.
            ON CONFLICT DO NOTHING`
        : 0;
      // Only what changed is given; a null leaves the column as it is.
      const updated = updates.length
        ? await prisma.$executeRaw`
            UPDATE "Customer" c SET
              name = COALESCE(u.name, c.name), "normalizedName" = COALESCE(u.normalized, c."normalizedName"),
              email = COALESCE(u.email, c.email), phone = COALESCE(u.phone, c.phone),
              "externalId" = COALESCE(u.external, c."externalId"), tier = COALESCE(u.tier, c.tier),
              tags = COALESCE((SELECT array_agg(t) FROM jsonb_array_elements_text(u.tags) t), c.tags),
              "optedOutOfOffers" = COALESCE(u.opted, c."optedOutOfOffers"), "ownerId" = COALESCE(u.owner, c."ownerId"),
              "lastContactAt" = COALESCE(u.last, c."lastContactAt"), notes = COALESCE(u.notes, c.notes), "updatedAt" = now()
            FROM unnest(${updates.map((u) => u.id)}::uuid[], ${updates.map((u) => u.fields.name ?? null)}::text[],
                        ${updates.map((u) => (u.fields.name ? normalizeName(u.fields.name) : null))}::text[],
                        ${updates.map((u) => u.fields.email ?? null)}::text[], ${updates.map((u) => u.fields.phone ?? null)}::text[],
                        ${updates.map((u) => u.fields.externalId ?? null)}::text[], ${updates.map((u) => u.fields.tier ?? null)}::text[],
                        ${updates.map((u) => (u.fields.tags ? JSON.stringify(u.fields.tags) : null))}::jsonb[],
                        ${updates.map((u) => u.fields.optedOutOfOffers ?? null)}::boolean[],
                        ${updates.map((u) => u.fields.ownerId ?? null)}::uuid[],
                        ${updates.map((u) => u.fields.lastContactAt ?? null)}::timestamptz[],
                        ${updates.map((u) => u.fields.notes ?? null)}::text[])
              AS u(id, name, normalized, email, phone, external, tier, tags, opted, owner, last, notes)
            WHERE c.id = u.id AND c."workspaceId" = ${workspaceId}::uuid`
        : 0;
      return { created, updated };
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
