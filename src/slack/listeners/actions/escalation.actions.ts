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
      view: buildEscalateForm(person.t, interaction, args.body.channel?.id, categories),
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
    await deps.escalations.assertMayDecide(person.member.workspaceId, e, person.member);
    const view = what === "reassign" ? buildReassignForm(person.t, e) : buildDecisionNoteForm(person.t, e, what);
    await args.client.views.open({ trigger_id: args.body.trigger_id, view });
  };
}
