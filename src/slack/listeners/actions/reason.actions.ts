import type { SlackDeps } from "../../deps.js";
import { loggedCard } from "../../logged-card.js";
import { decode, EscalationRefSchema, FileUnderSchema, InteractionRefSchema } from "../../payloads.js";
import { buildRootCauseForm } from "../../views/root-cause-form.view.js";
import { type ActionArgs, actionValue, actorOf } from "./interaction.actions.js";

/** A complaint's card: filed under the category picked (or the one suggested); the card shows it. */
export function fileUnderAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { i, c } = decode(FileUnderSchema, actionValue(args));
    const { person } = await actorOf(args);
    const { member } = person;
    const logged = await deps.logging.fileUnder(
      { workspaceId: member.workspaceId, memberId: member.id, role: member.role },
      i,
      c,
    );
    await args.respond({ replace_original: true, ...(await loggedCard(deps, person, logged, true)) });
  };
}

/** Resolved… on a complaint's card: the form asking what was really behind it. */
export function resolveComplaintAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { i } = decode(InteractionRefSchema, actionValue(args));
    const { person } = await actorOf(args);
    const { workspaceId } = person.member;
    const [complaint, categories] = await Promise.all([
      deps.interactions.get(workspaceId, i),
      deps.reasons.list(workspaceId, true),
    ]);
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: buildRootCauseForm(person.t, complaint, categories, undefined, args.body.channel?.id),
    });
  };
}

/** Root cause… on a decided escalation's card (managers who may decide on it). */
export function escalationRootCauseAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { e } = decode(EscalationRefSchema, actionValue(args));
    const { person } = await actorOf(args);
    const { workspaceId } = person.member;
    const escalation = await deps.escalations.assertMayDecide(workspaceId, e, person.member);
    const [complaint, categories] = await Promise.all([
      deps.interactions.get(workspaceId, escalation.interaction.id),
      deps.reasons.list(workspaceId, true),
    ]);
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: buildRootCauseForm(person.t, complaint, categories, e, args.body.channel?.id),
    });
  };
}
