import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { buildHomeView } from "../../views/home.view.js";

export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
    if (event.tab !== "home") return;
    const person = await deps.identify(body.team_id, event.user, client);
    context.locale = person.locale;
    const settings = person.member.role === "admin" ? await deps.settings.load(person.member.workspaceId) : undefined;
    await client.views.publish({ user_id: event.user, view: buildHomeView(person.t, settings) });
  };
}
