import type { CustomerMatch } from "../../../domain/customers/customer.types.js";
import type { Draft } from "../../../domain/drafts/draft.types.js";
import { parseOneLine } from "../../../domain/interactions/one-line.parser.js";
import { openLogForm } from "../../log-form.js";
import { loggedCard } from "../../logged-card.js";
import { buildCustomerChoice, buildLogProblem } from "../../views/log-problems.view.js";
import type { SubcommandInput } from "./subcommand.js";

/** `/rapport log …`: one line logs at once; no text opens the form. */
export async function logSubcommand({ person, args, command, client, respond, deps }: SubcommandInput): Promise<void> {
  const { member, t } = person;
  if (!args.trim()) {
    await openLogForm(client, command.trigger_id, t, {}, { channelId: command.channel_id });
    return;
  }
  const parsed = parseOneLine(args);
  if (!parsed.ok) {
    const { error, partial } = parsed;
    const draft = await deps.drafts.create(member.workspaceId, member.id, {
      ...partial,
      summary: partial.summary ?? "",
      replyChannelId: command.channel_id,
    });
    const { code, ...params } = error;
    await respond({ response_type: "ephemeral", ...buildLogProblem(t, t(`log.errors.${code}`, params), draft.id) });
    return;
  }
  const { customer, kind, channel, summary } = parsed.value;
  const match: CustomerMatch = await deps.customers.match(member.workspaceId, customer);
  if (match.status === "ambiguous" || match.status === "close") {
    const draft: Draft = await deps.drafts.create(member.workspaceId, member.id, {
      customer,
      kind,
      channel,
      summary,
      replyChannelId: command.channel_id,
    });
    const view = buildCustomerChoice(t, {
      typed: customer,
      candidates: match.candidates,
      draftId: draft.id,
      allowCreate: match.status === "close",
    });
    await respond({ response_type: "ephemeral", ...view });
    return;
  }
  const logged = await deps.interactions.log({
    workspaceId: member.workspaceId,
    authorId: member.id,
    customer: match.status === "found" ? { id: match.customer.id } : { create: match.customer },
    kind,
    channel,
    summary,
    // A complaint usually needs more work; other one-line logs are usually done.
    outcome: kind === "complaint" ? "pending" : "resolved",
    occurredAt: deps.now(),
    requestKey: `command:${command.trigger_id}`,
  });
  await respond({ response_type: "ephemeral", ...loggedCard(deps, person, logged) });
}
