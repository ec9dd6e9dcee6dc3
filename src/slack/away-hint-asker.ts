import type { WebClient } from "@slack/web-api";
import type { AbsenceService } from "../domain/absences/absence.service.js";
import type { SlackStatus } from "../domain/absences/away-status.js";
import type { Person } from "./people.js";
import { buildAwayHint } from "./views/away-hint.view.js";

/**
 * A person's Slack status, read from user_change or with their profile: when it says "away" (and
 * was not asked about before), the question in their DM. A hint only: nothing is marked.
 */
export function createAwayHintAsker(absences: Pick<AbsenceService, "hintFromStatus">) {
  return async (person: Person, status: SlackStatus, client: WebClient): Promise<void> => {
    const hint = await absences.hintFromStatus(person.member, status);
    if (!hint) return;
    await client.chat.postMessage({ channel: person.member.slackUserId, ...buildAwayHint(person.t, hint) });
  };
}
