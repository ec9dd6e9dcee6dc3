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
  const { workspaceId } = person.member;
  const match = await deps.customers.match(workspaceId, reference);
  if (match.status === "found") return match.customer;
  const list = (candidates: Customer[], heading: "several" | "didYouMean") =>
    input.respond({ response_type: "ephemeral", ...buildCustomerList(person.t, reference, candidates, heading) });
  if (match.status === "ambiguous") await list(match.candidates, "several");
  else if (match.status === "close") await list(match.candidates, "didYouMean");
  else {
    // Looking a customer up is not creating one: "acme" finds "Acme Ltd", as the form's type-ahead does.
    const found = reference.trim().length >= 2 ? await deps.customers.search(workspaceId, reference, 6) : [];
    if (found.length === 1 && found[0]) return found[0];
    if (found.length > 1) await list(found, "several");
    else
      await input.respond({
        response_type: "ephemeral",
        text: person.t("customer.notFound", { name: escapeMrkdwn(reference) }),
      });
  }
  return null;
}
