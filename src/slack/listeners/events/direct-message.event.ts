import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { IdentifyPerson } from "../../people.js";
import { buildHelpMessage } from "../../views/help.view.js";

/** A person writing to the app in its Messages tab is answered with what the app can do. */
export function directMessage(identify: IdentifyPerson) {
  return async ({ message, body, client, context }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
    // Edits, deletions and bot posts carry a subtype; only a person's new message is answered.
    if (message.subtype !== undefined || message.channel_type !== "im") return;
    const person = await identify(body.team_id, message.user, client);
    context.locale = person.locale;
    await client.chat.postMessage({ channel: message.channel, ...buildHelpMessage(person.t) });
  };
}
