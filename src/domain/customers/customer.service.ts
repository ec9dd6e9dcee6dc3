import type { CustomerChanges, CustomerRepository } from "./customer.repository.js";
import type { Customer, CustomerMatch, NewCustomer } from "./customer.types.js";
import { customerKeyOf, editDistance, normalizeName } from "./normalize.js";

const CLOSE_NAME_CANDIDATES = 200;

export function createCustomerService(customers: CustomerRepository) {
  // A name close to an existing one ("Jon Smith" / "John Smith") is offered, never merged silently.
  async function closeNames(workspaceId: string, normalized: string): Promise<Customer[]> {
    const first = normalized.slice(0, 2);
    if (first.length < 2) return [];
    const limit = normalized.length < 8 ? 1 : 2;
    const pool = await customers.withNamePrefix(workspaceId, first, CLOSE_NAME_CANDIDATES);
    // "Store 12" and "Store 13" are two customers, not a typo.
    const digits = (text: string) => text.replace(/\D/g, "");
    return pool
      .filter((customer) => digits(normalizeName(customer.name)) === digits(normalized))
      .map((customer) => ({ customer, distance: editDistance(normalizeName(customer.name), normalized, limit) }))
      .filter((c) => c.distance <= limit)
      .sort((a, b) => a.distance - b.distance)
      .slice(0, 5)
      .map((c) => c.customer);
  }

  return {
    /** Finds who "reference" is: by #external id, email, phone or name (case, accents and spacing ignored). */
    async match(workspaceId: string, reference: string): Promise<CustomerMatch> {
      const key = customerKeyOf(reference);
      const field = key.kind === "name" ? "normalizedName" : key.kind;
      const found = await customers.findBy(workspaceId, field, key.value, 6);
      if (found.length === 1 && found[0]) return { status: "found", customer: found[0] };
      if (found.length > 1) return { status: "ambiguous", candidates: found };
      const typed = {
        name: reference.trim(),
        email: key.kind === "email" ? key.value : null,
        phone: key.kind === "phone" ? key.value : null,
        externalId: key.kind === "externalId" ? key.value : null,
      };
      if (key.kind === "name") {
        const close = await closeNames(workspaceId, key.value);
        // Created by a concurrent request since the exact look-up: it is this customer, not a near miss.
        const same = close.filter((c) => normalizeName(c.name) === key.value);
        if (same.length === 1 && same[0]) return { status: "found", customer: same[0] };
        if (same.length > 1) return { status: "ambiguous", candidates: same };
        if (close.length > 0) return { status: "close", candidates: close, typed };
      }
      return { status: "new", customer: typed };
    },
    /** Customers who already have any of these identifiers (external id, email, phone), or this exact name when none is given. */
    async existing(workspaceId: string, c: NewCustomer): Promise<Customer[]> {
      const found = new Map<string, Customer>();
      const look = async (
        field: "externalId" | "email" | "phone" | "normalizedName",
        value: string | null | undefined,
      ) => {
        if (!value) return;
        const key = customerKeyOf(field === "externalId" ? `#${value}` : value);
        for (const customer of await customers.findBy(workspaceId, field, key.value, 5))
          found.set(customer.id, customer);
      };
      await look("externalId", c.externalId);
      await look("email", c.email);
      await look("phone", c.phone);
      if (!c.externalId && !c.email && !c.phone) await look("normalizedName", c.name);
      return [...found.values()];
    },
    update: (workspaceId: string, id: string, actorId: string | null, changes: CustomerChanges) =>
      customers.update(workspaceId, id, actorId, changes),
    search: (workspaceId: string, query: string, limit = 20) => customers.search(workspaceId, query, limit),
    get: (workspaceId: string, id: string) => customers.get(workspaceId, id),
    create: (workspaceId: string, customer: NewCustomer) => customers.create(workspaceId, customer),
    /** Tags are lower-case words; campaigns pick customers by them. */
    retag: (workspaceId: string, id: string, actorId: string, add: string[], remove: string[]) =>
      customers.retag(workspaceId, id, actorId, add, remove),
    /** A customer who asked for no offers is left out of every campaign and lapsed nudge. */
    setOptedOut: (workspaceId: string, id: string, actorId: string, optedOut: boolean) =>
      customers.setOptedOut(workspaceId, id, actorId, optedOut),
  };
}

export type CustomerService = ReturnType<typeof createCustomerService>;
