import { Errors } from "../../../domain/errors.js";
import type { SlackDeps } from "../../deps.js";
import { decode, TimelinePageSchema } from "../../payloads.js";
import { buildCustomerCard, TIMELINE_PAGE_SIZE } from "../../views/customer-card.view.js";
import { type ActionArgs, actionValue, actorOf } from "./interaction.actions.js";

/** Newer / Older on a customer card: the same card, another page of the timeline. */
export function timelinePageAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { c, o } = decode(TimelinePageSchema, actionValue(args));
    const { person, actor } = await actorOf(args);
    const workspaceId = person.member.workspaceId;
    const customer = await deps.customers.get(workspaceId, c);
    if (!customer) throw Errors.customerNotFound("");
    const [{ entries, total }, recovery] = await Promise.all([
      deps.interactions.timeline(workspaceId, c, o, TIMELINE_PAGE_SIZE, actor),
      deps.reports.customerRecovery(workspaceId, c),
    ]);
    await args.respond({
      replace_original: true,
      ...buildCustomerCard(person.t, { customer, entries, total, offset: o, recovery }),
    });
  };
}
