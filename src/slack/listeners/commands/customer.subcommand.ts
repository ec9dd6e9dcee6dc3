import { buildCustomerCard, TIMELINE_PAGE_SIZE } from "../../views/customer-card.view.js";
import { oneCustomer } from "./customer-reference.js";
import type { SubcommandInput } from "./subcommand.js";

/** `/rapport customer <name, email, phone or #id>`: the customer card with the first page of history. */
export async function customerSubcommand(input: SubcommandInput): Promise<void> {
  const { person, args, respond, deps } = input;
  const { member, t } = person;
  const reference = args.trim();
  if (!reference) {
    await respond({ response_type: "ephemeral", text: t("customer.usage") });
    return;
  }
  const customer = await oneCustomer(input, reference);
  if (!customer) return;
  const [{ entries, total }, recovery] = await Promise.all([
    deps.interactions.timeline(member.workspaceId, customer.id, 0, TIMELINE_PAGE_SIZE, {
      memberId: member.id,
      role: member.role,
    }),
    deps.reports.customerRecovery(member.workspaceId, customer.id),
  ]);
  await respond({
    response_type: "ephemeral",
    ...buildCustomerCard(t, { customer, entries, total, offset: 0, recovery }),
  });
}
