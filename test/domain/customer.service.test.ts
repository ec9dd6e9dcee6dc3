import { describe, expect, it } from "vitest";
import type { CustomerRepository } from "../../src/domain/customers/customer.repository.js";
import { createCustomerService } from "../../src/domain/customers/customer.service.js";
import type { Customer } from "../../src/domain/customers/customer.types.js";
import { normalizeName } from "../../src/domain/customers/normalize.js";
import { customerNamed } from "../support/domain-fixtures.js";

const customer = customerNamed;

function repository(byName: Customer[], prefixPool: Customer[] = byName): CustomerRepository {
  return {
    findBy: async (_w, field, value) =>
      field === "normalizedName" ? byName.filter((c) => normalizeName(c.name) === value) : [],
    withNamePrefix: async (_w, prefix) => prefixPool.filter((c) => normalizeName(c.name).startsWith(prefix)),
    search: async () => [],
    get: async () => null,
    create: async (_w, c) => customer(c.name),
    retag: async () => [],
    setOptedOut: async () => {},
    update: async () => null,
  };
}

describe("CustomerService.match", () => {
  it("offers close names, ignoring names that differ only in their numbers", async () => {
    const service = createCustomerService(repository([customer("John Smith"), customer("Store 12")]));
    expect(await service.match("w", "Jon Smith")).toMatchObject({
      status: "close",
      candidates: [{ name: "John Smith" }],
    });
    expect(await service.match("w", "Store 13")).toMatchObject({ status: "new", customer: { name: "Store 13" } });
  });

  it("finds the customer a concurrent request created between the exact and the close look-up", async () => {
    // The exact look-up saw nobody; by the close look-up the other request had committed it.
    const service = createCustomerService(repository([], [customer("Bench Customer 7")]));
    expect(await service.match("w", "bench customer 7")).toMatchObject({
      status: "found",
      customer: { name: "Bench Customer 7" },
    });
  });
});
