import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { personOf } from "../../middleware/resolve-person.js";
import { publishHome } from "../../publish-home.js";

export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
    if (event.tab !== "home") return;
    await publishHome(deps, client, await personOf(context));
  };
}
