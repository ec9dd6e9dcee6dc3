import type { Draft } from "../../../domain/drafts/draft.types.js";
import { Errors } from "../../../domain/errors.js";
import type { SlackDeps } from "../../deps.js";
import { openLogForm, prefillFromDraft } from "../../log-form.js";
import { loggedCard } from "../../logged-card.js";
import { DraftRefSchema, decode, PickCustomerSchema } from "../../payloads.js";
import type { Person } from "../../people.js";
import { type ActionArgs, actionValue, actorOf } from "./interaction.actions.js";

async function draftFor(deps: SlackDeps, person: Person, id: string): Promise<Draft> {
  const draft = await deps.drafts.get(person.member.workspaceId, id);
  if (!draft) throw Errors.draftNotFound();
  return draft;
}

/** Logs a draft for a known (or new) customer; the draft's id makes a second click find the first. */
async function logDraft(
  deps: SlackDeps,
  args: ActionArgs,
  person: Person,
  draft: Draft,
  customer: { id: string } | { create: { name: string } },
) {
  const { data } = draft;
  const logged = await deps.interactions.log({
    workspaceId: person.member.workspaceId,
    authorId: person.member.id,
    customer,
    kind: data.kind ?? "question",
    channel: data.channel ?? "phone",
    summary: data.summary,
    outcome: data.kind === "complaint" ? "pending" : "resolved",
    occurredAt: deps.now(),
    source: data.source ?? null,
    requestKey: `draft:${draft.id}`,
  });
  await deps.drafts.markLogged(person.member.workspaceId, draft.id, logged.interaction.id);
  await args.respond({ replace_original: true, ...loggedCard(deps, person, logged) });
}

export function openFormAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { d } = decode(DraftRefSchema, actionValue(args));
    const { person } = await actorOf(deps, args);
    const { prefill, metadata } = prefillFromDraft(await draftFor(deps, person, d));
    await openLogForm(args.client, args.body.trigger_id, person.t, prefill, {
      ...metadata,
      channelId: metadata.channelId ?? args.body.channel?.id,
    });
  };
}

export function pickCustomerAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { d, c } = decode(PickCustomerSchema, actionValue(args));
    const { person } = await actorOf(deps, args);
    await logDraft(deps, args, person, await draftFor(deps, person, d), { id: c });
  };
}

export function createCustomerAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { d } = decode(DraftRefSchema, actionValue(args));
    const { person } = await actorOf(deps, args);
    const draft = await draftFor(deps, person, d);
    if (!draft.data.customer) throw Errors.draftNotFound();
    await logDraft(deps, args, person, draft, { create: { name: draft.data.customer } });
  };
}

/** "Log it" on a DM or intake draft whose customer is known; otherwise the form opens. */
export function logDraftAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { d } = decode(DraftRefSchema, actionValue(args));
    const { person } = await actorOf(deps, args);
    const draft = await draftFor(deps, person, d);
    if (draft.data.customerId) {
      await logDraft(deps, args, person, draft, { id: draft.data.customerId });
      return;
    }
    const { prefill, metadata } = prefillFromDraft(draft);
    await openLogForm(args.client, args.body.trigger_id, person.t, prefill, metadata);
  };
}
