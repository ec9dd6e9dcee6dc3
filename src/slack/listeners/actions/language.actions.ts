import type { SlackDeps } from "../../deps.js";
import { decode, LanguageChoiceSchema } from "../../payloads.js";
import { type ActionArgs, actionValue, actorOf } from "./interaction.actions.js";

/** A language picked on the Home tab: Rapport speaks it to them from now on (the tab redraws in it). */
export function chooseLanguageAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { l } = decode(LanguageChoiceSchema, actionValue(args));
    const { person } = await actorOf(args);
    await deps.members.setLanguage(person.member, l);
  };
}

/** "Keep …": the Home tab stops asking. */
export function keepLanguageAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { person } = await actorOf(args);
    await deps.members.dismissLanguageOffer(person.member);
  };
}
