import { formatDay } from "../../../i18n/i18n.js";
import type { SlackDeps } from "../../deps.js";
import { AwayHintSchema, decode } from "../../payloads.js";
import { type ActionArgs, actionValue, actorOf } from "./interaction.actions.js";

/** "Mark me away" under the question a Slack status raised: the days it suggested. */
export function awayHintAcceptAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { s, e } = decode(AwayHintSchema, actionValue(args));
    const { person } = await actorOf(args);
    const absence = await deps.absences.markAway(person.member, person.member.id, `${s}..${e}`);
    const text = person.t("away.savedSelf", {
      from: formatDay(person.t, absence.startsOn),
      to: formatDay(person.t, absence.endsOn),
    });
    await args.respond({ replace_original: true, text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] });
  };
}

/** "I'm not away": nothing changes, and the question goes. */
export function awayHintDismissAction() {
  return async (args: ActionArgs) => {
    await args.ack();
    const { person } = await actorOf(args);
    const text = person.t("awayHint.dismissed");
    await args.respond({ replace_original: true, text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] });
  };
}
