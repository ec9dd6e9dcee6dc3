import type { Customer } from "../../../domain/customers/customer.types.js";
import { escapeMrkdwn } from "../../mrkdwn.js";
import { buildCustomerList } from "../../views/customer-card.view.js";
import type { SubcommandInput } from "./subcommand.js";

/**
 * The one customer a typed reference (name, email, phone or #id) names, or null
 * after telling the person why not: no such customer, or a choice of several.
 */
export async function oneCustomer(input: SubcommandInput, reference: string): Promise<Customer | null> {
  const { person, deps } = input;
  const match = await deps.customers.match(person.member.workspaceId, reference);
  if (match.status === "found") return match.customer;
  if (match.status === "new") {
    await input.respond({
      response_type: "ephemeral",
      text: person.t("customer.notFound", { name: escapeMrkdwn(reference) }),
    });
  } else {
    await input.respond({ response_type: "ephemeral", ...buildCustomerList(person.t, reference, match.candidates) });
  }
  return null;
}
