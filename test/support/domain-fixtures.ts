import type { Customer } from "../../src/domain/customers/customer.types.js";

/** A customer as the domain sees one, with nothing but a name (and an id). */
export const customerNamed = (name: string, id = `c-${name}`): Customer => ({
  id,
  name,
  externalId: null,
  email: null,
  phone: null,
  tier: null,
  status: "active",
  ownerName: null,
});
