import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { openLogForm, prefillFromInteraction } from "../../log-form.js";
import { personOf } from "../../middleware/resolve-person.js";
import { decode, InteractionRefSchema, MenuChoiceSchema } from "../../payloads.js";
import { buildFollowUpForm } from "../../views/follow-up-form.view.js";
import { buildRemovedCard } from "../../views/interaction-card.view.js";

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

function actionValue(args: ActionArgs): string | undefined {
  const action = args.action as { value?: string; selected_option?: { value: string } };
  return action.value ?? action.selected_option?.value;
}

async function actorOf(args: ActionArgs) {
  const person = await personOf(args.context);
  return { person, actor: { memberId: person.member.id, role: person.member.role } };
}

/** Undo: only its author, only in the first minutes; the card loses its buttons. */
export function undoAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { i } = decode(InteractionRefSchema, actionValue(args));
    const { person, actor } = await actorOf(args);
    const interaction = await deps.interactions.undo(person.member.workspaceId, i, actor);
    await args.respond({ replace_original: true, ...buildRemovedCard(person.t, interaction, "undone") });
  };
}

/** Edit: the form, filled with the interaction as it is now. */
export function editAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { i } = decode(InteractionRefSchema, actionValue(args));
    const { person } = await actorOf(args);
    const interaction = await deps.interactions.get(person.member.workspaceId, i);
    await openLogForm(
      deps,
      { client: args.client, triggerId: args.body.trigger_id, t: person.t, workspaceId: person.member.workspaceId },
      prefillFromInteraction(interaction),
      {
        interactionId: interaction.id,
        ...(args.body.channel?.id ? { channelId: args.body.channel.id } : {}),
      },
    );
  };
}

export function addFollowUpAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { i } = decode(InteractionRefSchema, actionValue(args));
    const { person } = await actorOf(args);
    const interaction = await deps.interactions.get(person.member.workspaceId, i);
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: buildFollowUpForm(person.t, interaction, args.body.channel?.id),
    });
  };
}

/** The ⋯ menu on a customer's timeline entry: edit, or delete (soft, recorded). */
export function interactionMenuAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { a, i } = decode(MenuChoiceSchema, actionValue(args));
    const { person, actor } = await actorOf(args);
    const workspaceId = person.member.workspaceId;
    if (a === "edit") {
      const interaction = await deps.interactions.get(workspaceId, i);
      await openLogForm(
        deps,
        { client: args.client, triggerId: args.body.trigger_id, t: person.t, workspaceId: person.member.workspaceId },
        prefillFromInteraction(interaction),
        {
          interactionId: i,
          ...(args.body.channel?.id ? { channelId: args.body.channel.id } : {}),
        },
      );
      return;
    }
    const removed = await deps.interactions.remove(workspaceId, i, actor);
    await args.respond({
      replace_original: false,
      response_type: "ephemeral",
      ...buildRemovedCard(person.t, removed, "deleted"),
    });
  };
}

export { type ActionArgs, actionValue, actorOf };
