import type { SlackDeps } from "../../deps.js";
import { decode, EscalationRefSchema, InteractionRefSchema } from "../../payloads.js";
import { buildDecisionNoteForm, buildEscalateForm, buildReassignForm } from "../../views/escalation-forms.view.js";
import { type ActionArgs, actionValue, actorOf } from "./interaction.actions.js";

/** Escalate on a logged interaction: the form asking for reason, severity and the action wanted. */
export function escalateAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { i } = decode(InteractionRefSchema, actionValue(args));
    const { person } = await actorOf(args);
    const [interaction, categories] = await Promise.all([
      deps.interactions.get(person.member.workspaceId, i),
      deps.reasons.list(person.member.workspaceId),
    ]);
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: buildEscalateForm(
        person.t,
        interaction,
        args.body.channel?.id,
        categories,
        deps.reasons.suggest(categories, interaction.summary),
      ),
    });
  };
}

/** Claim and Resolve act at once; the state change updates the card and tells the agent. */
export function decideAction(deps: SlackDeps, decision: "claim" | "resolve" | "cancel") {
  return async (args: ActionArgs) => {
    await args.ack();
    const { e } = decode(EscalationRefSchema, actionValue(args));
    const { person } = await actorOf(args);
    await deps.escalations.decide(person.member.workspaceId, e, person.member, decision, null);
  };
}

/** Approve, Reject and Reassign ask for more first: a note, or the manager to hand it to. */
export function askAction(deps: SlackDeps, what: "approve" | "reject" | "reassign") {
  return async (args: ActionArgs) => {
    await args.ack();
    const { e } = decode(EscalationRefSchema, actionValue(args));
    const { person } = await actorOf(args);
    const { workspaceId } = person.member;
    const escalation = await deps.escalations.assertMayDecide(workspaceId, e, person.member);
    if (what === "reassign") {
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: buildReassignForm(person.t, e) });
      return;
    }
    // A complaint's decision can say what was really behind it.
    const complaint =
      escalation.interaction.kind === "complaint"
        ? await Promise.all([
            deps.interactions.get(workspaceId, escalation.interaction.id),
            deps.reasons.list(workspaceId, true),
          ]).then(([interaction, categories]) => ({ interaction, categories }))
        : undefined;
    const view = buildDecisionNoteForm(person.t, e, what, complaint);
    await args.client.views.open({ trigger_id: args.body.trigger_id, view });
  };
}
