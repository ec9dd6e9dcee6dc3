import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { publishHome } from "../../publish-home.js";

export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
    if (event.tab !== "home") return;
    await publishHome(deps, client, body.team_id, event.user);
  };
}
