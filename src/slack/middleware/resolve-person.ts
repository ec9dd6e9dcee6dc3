import type { AnyMiddlewareArgs, Context, Middleware } from "@slack/bolt";
import type { IdentifyPerson, Person } from "../people.js";

interface Asker {
  teamId: string;
  userId: string;
}

/** The Slack user behind a request and their workspace, wherever the payload keeps them. */
export function askerOf(body: unknown, context: Context): Asker | undefined {
  const b = body as {
    user_id?: string;
    team_id?: string;
    user?: { id?: string; team_id?: string };
    team?: { id?: string } | null;
    event?: { user?: unknown; team?: string };
  };
  // A slash command: flat fields.
  if (typeof b.user_id === "string" && typeof b.team_id === "string" && !b.event)
    return { teamId: b.team_id, userId: b.user_id };
  // An interaction (button, form, shortcut, type-ahead).
  if (typeof b.user?.id === "string") {
    const teamId = b.team?.id ?? b.user.team_id ?? context.teamId;
    return teamId ? { teamId, userId: b.user.id } : undefined;
  }
  // An event a person caused (a message, opening the home tab).
  if (typeof b.event?.user === "string") {
    const teamId = b.team_id ?? b.event.team ?? context.teamId;
    return teamId ? { teamId, userId: b.event.user } : undefined;
  }
  return undefined;
}

const PERSON = "rapportPerson";

/**
 * Who is asking is resolved here, once per request, and only when a listener asks for it: most
 * message events (posts in channels that are not intake) never need it.
 */
export function resolvePerson(identify: IdentifyPerson): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, client, next }) => {
    const asker = askerOf(body, context);
    if (asker) {
      let found: Promise<Person> | undefined;
      context[PERSON] = () => {
        found ??= identify(asker.teamId, asker.userId, client).then((person) => {
          context.locale = person.locale;
          return person;
        });
        return found;
      };
    }
    await next();
  };
}

/** The person behind this request, as the middleware resolved them. */
export function personOf(context: Context): Promise<Person> {
  const resolve = context[PERSON] as (() => Promise<Person>) | undefined;
  if (!resolve) throw new Error("this request names no Slack user");
  return resolve();
}
