import type { WebClient } from "@slack/web-api";
import { DomainError } from "../../../domain/errors.js";
import { parseDecisionReply } from "../../../domain/escalations/decision-words.js";
import type { SlackDeps } from "../../deps.js";
import { errorText } from "../../error-text.js";
import type { Person } from "../../people.js";

export interface ThreadReply {
  teamId: string;
  channel: string;
  threadTs: string;
  user: string;
  text: string;
  /** The replier, resolved once for the request. */
  person: () => Promise<Person>;
}

/**
 * A manager decides by replying in an escalation card's thread: "approve <note>",
 * "reject <note>", "claim" (or the same words in the team's languages). Other
 * replies are conversation and left alone. Refusals are told to the replier only.
 */
export async function handleThreadReply(deps: SlackDeps, client: WebClient, reply: ThreadReply): Promise<void> {
  const parsed = parseDecisionReply(reply.text);
  if (!parsed) return;
  const workspaceId = await deps.members.workspaceIdOf(reply.teamId);
  const escalation = await deps.escalations.findByMessage(workspaceId, reply.channel, reply.threadTs);
  if (!escalation) return;
  const person = await reply.person();
  const tell = (text: string) =>
    client.chat.postEphemeral({ channel: reply.channel, user: reply.user, thread_ts: reply.threadTs, text });
  if ((parsed.decision === "approve" || parsed.decision === "reject") && !parsed.note) {
    await tell(person.t("escalation.errors.noteRequired"));
    return;
  }
  try {
    await deps.escalations.decide(workspaceId, escalation.id, person.member, parsed.decision, parsed.note || null);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await tell(errorText(person.t, error));
  }
}
