import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { IdentifyPerson } from "../../people.js";
import { buildHomeView } from "../../views/home.view.js";

export function appHomeOpened(identify: IdentifyPerson) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
    if (event.tab !== "home") return;
    const person = await identify(body.team_id, event.user, client);
    context.locale = person.locale;
    await client.views.publish({ user_id: event.user, view: buildHomeView(person.t) });
  };
}
