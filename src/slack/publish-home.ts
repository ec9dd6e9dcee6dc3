import type { WebClient } from "@slack/web-api";
import type { SlackDeps } from "./deps.js";
import type { Person } from "./people.js";
import { buildHomeView } from "./views/home.view.js";

/** Publishes a person's App Home as it is now: their lists, their figures, and for admins the set-up. */
export async function publishHome(deps: SlackDeps, client: WebClient, person: Person): Promise<void> {
  const [data, settings] = await Promise.all([
    deps.home.homeFor(person.member),
    person.member.role === "admin" ? deps.settings.load(person.member.workspaceId) : Promise.resolve(undefined),
  ]);
  await client.views.publish({ user_id: person.member.slackUserId, view: buildHomeView(person.t, data, settings) });
}
