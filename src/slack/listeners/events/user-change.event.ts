import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { createAwayHintAsker } from "../../away-hint-asker.js";
import type { SlackDeps } from "../../deps.js";

interface ChangedUser {
  id?: unknown;
  team_id?: unknown;
  is_bot?: unknown;
  deleted?: unknown;
  profile?: { status_text?: unknown; status_emoji?: unknown; status_expiration?: unknown };
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * Someone's profile changed (user_change): when their Slack status reads as "away", Rapport asks
 * them (once per status) whether to mark them away. People Rapport has never met are left alone.
 */
export function userChange(deps: SlackDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<"user_change"> & AllMiddlewareArgs) => {
    const user = event.user as ChangedUser;
    const teamId = text((body as { team_id?: unknown }).team_id) || text(user.team_id);
    const userId = text(user.id);
    if (!teamId || !userId || user.is_bot === true || user.deleted === true) return;
    const known = await deps.members.findKnown(await deps.members.workspaceIdOf(teamId), userId);
    if (!known) return;
    const expiration = Number(user.profile?.status_expiration);
    await createAwayHintAsker(deps.absences)(
      await deps.identify(teamId, userId, client),
      {
        text: text(user.profile?.status_text),
        emoji: text(user.profile?.status_emoji),
        expiration: Number.isFinite(expiration) ? expiration : 0,
      },
      client,
    );
  };
}
