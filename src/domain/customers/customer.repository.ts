import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/audit.repository.js";
import type { Customer, NewCustomer } from "./customer.types.js";
import { normalizeEmail, normalizeName, normalizePhone } from "./normalize.js";

type Db = PrismaClient | Prisma.TransactionClient;

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
  create(workspaceId: string, customer: NewCustomer, tx?: Prisma.TransactionClient): Promise<Customer>;
  /** Adds and removes tags; returns the tags the customer has now. */
  retag(workspaceId: string, id: string, actorId: string, add: string[], remove: string[]): Promise<string[]>;
  setOptedOut(workspaceId: string, id: string, actorId: string, optedOut: boolean): Promise<void>;
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
    async create(workspaceId, customer, tx) {
      const normalizedName = normalizeName(customer.name);
      const email = customer.email ? normalizeEmail(customer.email) : null;
      const create = async (tx: Db) => {
        // Two requests creating the same new customer at once must not make two:
        // the second waits for the first, then finds it.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${workspaceId}:${normalizedName}`}))`;
        const existing = await tx.customer.findFirst({
          where: {
            workspaceId,
            normalizedName,
            ...(email ? { email } : {}),
            ...(customer.externalId ? { externalId: customer.externalId } : {}),
          },
          select,
        });
        if (existing) return toCustomer(existing);
        const row = await tx.customer.create({
          data: {
            workspaceId,
            name: customer.name.trim(),
            normalizedName,
            email,
            phone: customer.phone ? normalizePhone(customer.phone) : null,
            externalId: customer.externalId ?? null,
          },
          select,
        });
        return toCustomer(row);
      };
      // Inside the caller's transaction when there is one (PGlite has a single connection: no nesting).
      return tx ? create(tx) : prisma.$transaction(create);
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
