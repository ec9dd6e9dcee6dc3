import { Errors } from "../../../domain/errors.js";
import type { SlackDeps } from "../../deps.js";
import { decode, FollowUpRefSchema, SnoozeChoiceSchema } from "../../payloads.js";
import { buildFollowUpDoneForm, buildFollowUpReassignForm } from "../../views/follow-up-dm.view.js";
import { type ActionArgs, actionValue, actorOf } from "./interaction.actions.js";

async function followUpFor(deps: SlackDeps, args: ActionArgs) {
  const { f } = decode(FollowUpRefSchema, actionValue(args));
  const { person } = await actorOf(args);
  const followUp = await deps.followUps.get(person.member.workspaceId, f);
  if (followUp?.status !== "pending") throw Errors.followUpNotFound();
  return { person, followUp };
}

/** Done: asks how it went. */
export function followUpDoneAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { person, followUp } = await followUpFor(deps, args);
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: buildFollowUpDoneForm(person.t, followUp) });
  };
}

export function followUpReassignAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { person, followUp } = await followUpFor(deps, args);
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: buildFollowUpReassignForm(person.t, followUp),
    });
  };
}

/** Snooze for an hour, until tomorrow or next week; the DM says until when. */
export function followUpSnoozeAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { f, s } = decode(SnoozeChoiceSchema, actionValue(args));
    const { person } = await actorOf(args);
    await deps.followUps.snooze(person.member.workspaceId, f, person.member, s);
  };
}

/** Snooze until a picked date (the date picker's action id carries the follow-up). */
export function followUpSnoozeDateAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const action = args.action as { action_id: string; selected_date?: string };
    const id = action.action_id.split("_").at(-1);
    const date =
      action.selected_date && /^\d{4}-\d{2}-\d{2}$/.test(action.selected_date)
        ? new Date(`${action.selected_date}T00:00:00Z`)
        : null;
    const { f } = decode(FollowUpRefSchema, JSON.stringify({ f: id }));
    if (!date) return;
    const { person } = await actorOf(args);
    await deps.followUps.snooze(person.member.workspaceId, f, person.member, date);
  };
}
