import { escapeMrkdwn } from "../../mrkdwn.js";
import { buildCustomerCard, buildCustomerList, TIMELINE_PAGE_SIZE } from "../../views/customer-card.view.js";
import type { SubcommandInput } from "./subcommand.js";

/** `/rapport customer <name, email, phone or #id>`: the customer card with the first page of history. */
export async function customerSubcommand({ person, args, respond, deps }: SubcommandInput): Promise<void> {
  const { member, t } = person;
  const reference = args.trim();
  if (!reference) {
    await respond({ response_type: "ephemeral", text: t("customer.usage") });
    return;
  }
  const match = await deps.customers.match(member.workspaceId, reference);
  if (match.status === "ambiguous" || match.status === "close") {
    await respond({ response_type: "ephemeral", ...buildCustomerList(t, reference, match.candidates) });
    return;
  }
  if (match.status === "new") {
    await respond({ response_type: "ephemeral", text: t("customer.notFound", { name: escapeMrkdwn(reference) }) });
    return;
  }
  const { entries, total } = await deps.interactions.timeline(
    member.workspaceId,
    match.customer.id,
    0,
    TIMELINE_PAGE_SIZE,
  );
  await respond({
    response_type: "ephemeral",
    ...buildCustomerCard(t, { customer: match.customer, entries, total, offset: 0 }),
  });
}
