import { Errors } from "../../../domain/errors.js";
import type { SlackDeps } from "../../deps.js";
import { openLogForm } from "../../log-form.js";
import { ConditionRefSchema, decode } from "../../payloads.js";
import { buildRetentionNudge } from "../../views/retention-nudge.view.js";
import { type ActionArgs, actionValue, actorOf } from "./interaction.actions.js";

async function conditionFor(deps: SlackDeps, args: ActionArgs) {
  const { c } = decode(ConditionRefSchema, actionValue(args));
  const { person } = await actorOf(args);
  const row = await deps.retention.get(person.member.workspaceId, c);
  if (!row) throw Errors.customerNotFound("");
  return { person, row };
}

/** Log outreach: the form, for this customer. */
export function retentionOutreachAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { person, row } = await conditionFor(deps, args);
    await openLogForm(
      deps,
      { client: args.client, triggerId: args.body.trigger_id, t: person.t, workspaceId: person.member.workspaceId },
      { customer: { id: row.customerId, name: row.customerName }, kind: "other", channel: "phone" },
      {},
    );
  };
}

/** Send offer: recorded as an interaction with the customer, so a reply later counts as coming back. */
export function retentionOfferAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { person, row } = await conditionFor(deps, args);
    await deps.interactions.log({
      workspaceId: person.member.workspaceId,
      authorId: person.member.id,
      customer: { id: row.customerId },
      kind: "other",
      channel: "email",
      summary: person.t("retention.offerSummary"),
      outcome: "pending",
      occurredAt: deps.now(),
      requestKey: `offer:${row.id}:${row.since.toISOString()}`,
    });
    await args.respond({ replace_original: true, ...buildRetentionNudge(person.t, row, { how: "offer" }) });
  };
}

export function retentionSnoozeAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { person, row } = await conditionFor(deps, args);
    const { until } = await deps.retention.snooze(person.member.workspaceId, row.id, person.member);
    await args.respond({ replace_original: true, ...buildRetentionNudge(person.t, row, { how: "snoozed", until }) });
  };
}

export function retentionChurnedAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { person, row } = await conditionFor(deps, args);
    await deps.retention.markChurned(person.member.workspaceId, row.id, person.member);
    await args.respond({ replace_original: true, ...buildRetentionNudge(person.t, row, { how: "churned" }) });
  };
}
