import type { LogRequest } from "../../../domain/interactions/log-interaction.flow.js";
import type { SlackDeps } from "../../deps.js";
import { openLogForm, prefillFromDraft } from "../../log-form.js";
import { loggedCard } from "../../logged-card.js";
import { DraftRefSchema, decode, PickCustomerSchema } from "../../payloads.js";
import { type ActionArgs, actionValue, actorOf } from "./interaction.actions.js";

type DraftCustomer = Extract<LogRequest, { surface: "draft" }>["customer"];

/** Logs a draft: the card becomes the confirmation, or the form opens when the draft has no customer yet. */
async function logDraft(deps: SlackDeps, args: ActionArgs, draftId: string, customer: DraftCustomer) {
  const { person, actor } = await actorOf(args);
  const outcome = await deps.logging.log(
    { workspaceId: person.member.workspaceId, ...actor },
    { surface: "draft", draftId, customer },
  );
  if (outcome.status === "logged") {
    await args.respond({ replace_original: true, ...(await loggedCard(deps, person, outcome.logged)) });
  } else if (outcome.status === "openForm") {
    const { prefill, metadata } = prefillFromDraft(outcome.draft);
    await openLogForm(
      deps,
      { client: args.client, triggerId: args.body.trigger_id, t: person.t, workspaceId: person.member.workspaceId },
      prefill,
      metadata,
    );
  }
}

export function openFormAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { d } = decode(DraftRefSchema, actionValue(args));
    const { person } = await actorOf(args);
    const draft = await deps.logging.draft(person.member.workspaceId, d);
    const { prefill, metadata } = prefillFromDraft(draft);
    await openLogForm(
      deps,
      { client: args.client, triggerId: args.body.trigger_id, t: person.t, workspaceId: person.member.workspaceId },
      prefill,
      {
        ...metadata,
        channelId: metadata.channelId ?? args.body.channel?.id,
      },
    );
  };
}

export function pickCustomerAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { d, c } = decode(PickCustomerSchema, actionValue(args));
    await logDraft(deps, args, d, { id: c });
  };
}

export function createCustomerAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { d } = decode(DraftRefSchema, actionValue(args));
    await logDraft(deps, args, d, "typed");
  };
}

/** "Log it" on a DM or intake draft whose customer is known; otherwise the form opens. */
export function logDraftAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { d } = decode(DraftRefSchema, actionValue(args));
    await logDraft(deps, args, d, "found");
  };
}
