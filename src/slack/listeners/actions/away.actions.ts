import type { SlackDeps } from "../../deps.js";
import { buildAwayForm } from "../../views/away-form.view.js";
import { type ActionArgs, actorOf } from "./interaction.actions.js";

/** "Mark me away…" / "Change…" on the Home tab: the form, with their absence (if any) filled in. */
export function awayOpenFormAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { person } = await actorOf(args);
    const { absence, today } = await deps.absences.mine(person.member);
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: buildAwayForm(person.t, { today, current: absence, coverSlackUserId: absence?.coverSlackUserId ?? null }),
    });
  };
}

/** "I'm back" on the Home tab: today's absence ends, later ones go (the tab redraws). */
export function awayBackAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { person } = await actorOf(args);
    await deps.absences.comeBack(person.member, person.member.id);
  };
}
