import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/audit.repository.js";
import { DomainError, isUniqueViolation } from "../errors.js";
import type { Customer, NewCustomer } from "./customer.types.js";
import { createKeyOf, normalizeEmail, normalizeName, normalizePhone } from "./normalize.js";

export interface CustomerRepository {
  findBy(
    workspaceId: string,
    field: "externalId" | "email" | "phone" | "normalizedName",
    value: string,
    limit?: number,
  ): Promise<Customer[]>;
  /** Names starting with `prefix` (normalised), for close-name checks. */
  withNamePrefix(workspaceId: string, prefix: string, limit: number): Promise<Customer[]>;
  /** Type-ahead: names starting with the query first, then names containing it. */
  search(workspaceId: string, query: string, limit: number): Promise<Customer[]>;
  get(workspaceId: string, id: string): Promise<Customer | null>;
  /** A new customer, or the one a concurrent request just created from the same name, email and id. */
  create(workspaceId: string, customer: NewCustomer): Promise<Customer>;
  /** Adds and removes tags; returns the tags the customer has now. */
  retag(workspaceId: string, id: string, actorId: string, add: string[], remove: string[]): Promise<string[]>;
  setOptedOut(workspaceId: string, id: string, actorId: string, optedOut: boolean): Promise<void>;
  /**
   * Changes what is given (null clears it); null when there is no such customer in the workspace.
   * An external id another customer has is refused with `externalIdTaken`.
   */
  update(workspaceId: string, id: string, actorId: string | null, changes: CustomerChanges): Promise<Customer | null>;
}

export interface CustomerChanges {
  name?: string;
  email?: string | null;
  phone?: string | null;
  externalId?: string | null;
  tier?: string | null;
  tags?: string[];
  ownerId?: string | null;
  optedOutOfOffers?: boolean;
}

const select = {
  id: true,
  name: true,
  externalId: true,
  email: true,
  phone: true,
  tier: true,
  status: true,
  owner: { select: { displayName: true } },
} as const;

type Row = Prisma.CustomerGetPayload<{ select: typeof select }>;
const toCustomer = ({ owner, ...row }: Row): Customer => ({ ...row, ownerName: owner?.displayName ?? null });

export function createCustomerRepository(prisma: PrismaClient): CustomerRepository {
  return {
    async findBy(workspaceId, field, value, limit = 10) {
      const rows = await prisma.customer.findMany({
        where: { workspaceId, [field]: value },
        select,
        take: limit,
        orderBy: { name: "asc" },
      });
      return rows.map(toCustomer);
    },
    async withNamePrefix(workspaceId, prefix, limit) {
      const rows = await prisma.customer.findMany({
        where: { workspaceId, normalizedName: { startsWith: prefix } },
        select,
        take: limit,
      });
      return rows.map(toCustomer);
    },
    async search(workspaceId, query, limit) {
      const normalized = normalizeName(query);
      if (!normalized) {
        const rows = await prisma.customer.findMany({
          where: { workspaceId },
          select,
          take: limit,
          orderBy: { updatedAt: "desc" },
        });
        return rows.map(toCustomer);
      }
      const prefixed = await prisma.customer.findMany({
        where: { workspaceId, normalizedName: { startsWith: normalized } },
        select,
        take: limit,
        orderBy: { normalizedName: "asc" },
      });
      if (prefixed.length >= limit) return prefixed.map(toCustomer);
      const containing = await prisma.customer.findMany({
        where: {
          workspaceId,
          id: { notIn: prefixed.map((row) => row.id) },
          OR: [
            { normalizedName: { contains: normalized } },
            { email: { startsWith: normalized } },
            { externalId: { startsWith: query.trim().replace(/^#/, "") } },
          ],
        },
        select,
        take: limit - prefixed.length,
        orderBy: { normalizedName: "asc" },
      });
      return [...prefixed, ...containing].map(toCustomer);
    },
    async get(workspaceId, id) {
      const row = await prisma.customer.findFirst({ where: { workspaceId, id }, select });
      return row ? toCustomer(row) : null;
    },
    async create(workspaceId, customer) {
      const email = customer.email ? normalizeEmail(customer.email) : null;
      const where = { workspaceId_createKey: { workspaceId, createKey: createKeyOf(customer) } };
      // Two requests creating the same new customer at once meet on its create key and make one.
      const upsert = () =>
        prisma.customer.upsert({
          where,
          update: {},
          create: {
            workspaceId,
            name: customer.name.trim(),
            normalizedName: normalizeName(customer.name),
            email,
            phone: customer.phone ? normalizePhone(customer.phone) : null,
            externalId: customer.externalId ?? null,
            createKey: createKeyOf(customer),
          },
          select,
        });
      const row = await upsert().catch(async (error: unknown) => {
        // The other request's insert won the race between the look-up and ours.
        if (isUniqueViolation(error)) return prisma.customer.findUniqueOrThrow({ where, select });
        throw error;
      });
      return toCustomer(row);
    },
    async retag(workspaceId, id, actorId, add, remove) {
      const [row] = await prisma.$queryRaw<Array<{ tags: string[] }>>`
        UPDATE "Customer" SET tags = ARRAY(
          SELECT DISTINCT t FROM unnest(tags || ${add}::text[]) AS t WHERE t <> ALL(${remove}::text[]) ORDER BY t)
        WHERE id = ${id}::uuid AND "workspaceId" = ${workspaceId}::uuid
        RETURNING tags`;
      await recordAudit(prisma, {
        workspaceId,
        actorId,
        action: "customer.tagged",
        entityType: "Customer",
        entityId: id,
        data: { add, remove },
      });
      return row?.tags ?? [];
    },
    async update(workspaceId, id, actorId, changes) {
      const data = {
        ...(changes.name !== undefined
          ? { name: changes.name.trim(), normalizedName: normalizeName(changes.name) }
          : {}),
        ...(changes.email !== undefined ? { email: changes.email ? normalizeEmail(changes.email) : null } : {}),
        ...(changes.phone !== undefined ? { phone: changes.phone ? normalizePhone(changes.phone) : null } : {}),
        ...(changes.externalId !== undefined ? { externalId: changes.externalId } : {}),
        ...(changes.tier !== undefined ? { tier: changes.tier } : {}),
        ...(changes.tags !== undefined ? { tags: [...new Set(changes.tags.map((t) => t.toLowerCase()))].sort() } : {}),
        ...(changes.ownerId !== undefined ? { ownerId: changes.ownerId } : {}),
        ...(changes.optedOutOfOffers !== undefined ? { optedOutOfOffers: changes.optedOutOfOffers } : {}),
      };
      try {
        return await prisma.$transaction(async (tx) => {
          const { count } = await tx.customer.updateMany({ where: { id, workspaceId }, data });
          if (count === 0) return null;
          await recordAudit(tx, {
            workspaceId,
            actorId,
            action: "customer.updated",
            entityType: "Customer",
            entityId: id,
            data: { fields: Object.keys(changes) },
          });
          return toCustomer(await tx.customer.findUniqueOrThrow({ where: { id }, select }));
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError("externalIdTaken");
        throw error;
      }
    },
    async setOptedOut(workspaceId, id, actorId, optedOut) {
      await prisma.customer.update({ where: { id, workspaceId }, data: { optedOutOfOffers: optedOut } });
      await recordAudit(prisma, {
        workspaceId,
        actorId,
        action: optedOut ? "customer.optedOut" : "customer.optedIn",
        entityType: "Customer",
        entityId: id,
      });
    },
  };
}
