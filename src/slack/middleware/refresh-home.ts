import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { publishHome } from "../publish-home.js";

/**
 * After a person acts (a button, a form), their App Home shows the result: a
 * follow-up done drops off their list, a claimed escalation leaves the queue.
 * A failure here is logged, never shown: the action itself went through.
 */
export function refreshHomeAfterActions(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  // One refresh at a time per person: actions that come while one is drawn ask for one more after it.
  const drawing = new Map<string, { again: boolean; done: Promise<void> }>();
  const refresh = (client: Parameters<typeof publishHome>[1], teamId: string, userId: string): Promise<void> => {
    const running = drawing.get(userId);
    if (running) {
      running.again = true;
      return running.done;
    }
    const state = { again: false, done: Promise.resolve() };
    state.done = (async () => {
      do {
        state.again = false;
        await publishHome(deps, client, teamId, userId).catch((error: unknown) =>
          deps.log("the home tab could not be refreshed", { error: String(error), user: userId }),
        );
      } while (state.again);
      drawing.delete(userId);
    })();
    drawing.set(userId, state);
    return state.done;
  };
  return async ({ body, client, next }) => {
    await next();
    const b = body as { type?: string; user?: { id?: string; team_id?: string }; team?: { id?: string } | null };
    if (b.type !== "block_actions" && b.type !== "view_submission") return;
    const userId = b.user?.id;
    const teamId = b.team?.id ?? b.user?.team_id;
    if (!userId || !teamId) return;
    await refresh(client, teamId, userId);
  };
}
