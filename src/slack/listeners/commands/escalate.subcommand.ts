import { escapeMrkdwn } from "../../mrkdwn.js";
import { buildCustomerList } from "../../views/customer-card.view.js";
import { buildEscalateForm } from "../../views/escalation-forms.view.js";
import type { SubcommandInput } from "./subcommand.js";

/** `/rapport escalate <customer>`: the escalate form for the customer's latest interaction. */
export async function escalateSubcommand({
  person,
  args,
  command,
  client,
  respond,
  deps,
}: SubcommandInput): Promise<void> {
  const { member, t } = person;
  const reference = args.trim();
  if (!reference) {
    await respond({ response_type: "ephemeral", text: t("escalation.commandUsage") });
    return;
  }
  const match = await deps.customers.match(member.workspaceId, reference);
  if (match.status === "ambiguous" || match.status === "close") {
    await respond({ response_type: "ephemeral", ...buildCustomerList(t, reference, match.candidates) });
    return;
  }
  const latest =
    match.status === "found" ? await deps.interactions.latestForCustomer(member.workspaceId, match.customer.id) : null;
  if (!latest) {
    await respond({
      response_type: "ephemeral",
      text: t("escalation.nothingToEscalate", { name: escapeMrkdwn(reference) }),
    });
    return;
  }
  const categories = await deps.reasons.list(latest.workspaceId);
  await client.views.open({
    trigger_id: command.trigger_id,
    view: buildEscalateForm(
      t,
      latest,
      command.channel_id,
      categories,
      deps.reasons.suggest(categories, latest.summary),
    ),
  });
}
