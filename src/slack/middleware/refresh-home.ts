import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import type { Person } from "../people.js";
import { publishHome } from "../publish-home.js";
import { askerOf } from "./resolve-person.js";

/**
 * After a person acts (a button, a form), their App Home shows the result: a
 * follow-up done drops off their list, a claimed escalation leaves the queue.
 * A failure here is logged, never shown: the action itself went through.
 */
export function refreshHomeAfterActions(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  // One refresh at a time per person: actions that come while one is drawn ask for one more after it.
  const drawing = new Map<string, { again: boolean; done: Promise<void> }>();
  const refresh = (client: Parameters<typeof publishHome>[1], person: Person): Promise<void> => {
    const userId = person.member.slackUserId;
    const running = drawing.get(userId);
    if (running) {
      running.again = true;
      return running.done;
    }
    const state = { again: false, done: Promise.resolve() };
    state.done = (async () => {
      do {
        state.again = false;
        await publishHome(deps, client, person).catch((error: unknown) =>
          deps.log("the home tab could not be refreshed", { error: String(error), user: userId }),
        );
      } while (state.again);
      drawing.delete(userId);
    })();
    drawing.set(userId, state);
    return state.done;
  };
  return async ({ body, client, context, next }) => {
    await next();
    const type = (body as { type?: string }).type;
    if (type !== "block_actions" && type !== "view_submission") return;
    // Read again, not the person this request started with: the action may have changed their
    // language (the Home tab's choice) or role.
    const asker = askerOf(body, context);
    if (!asker) return;
    await refresh(client, await deps.identify(asker.teamId, asker.userId, client));
  };
}
