import type { WebClient } from "@slack/web-api";
import type { SlackDeps } from "../../deps.js";
import type { Person } from "../../people.js";
import { buildHelpMessage } from "../../views/help.view.js";
import { buildDraftCard } from "../../views/log-problems.view.js";

const HELP_WORDS = new Set(["help", "?", "ajuda", "apua", "palīdzība", "palidziba", "मदद", "உதவி"]);

export interface DirectMessage {
  channel: string;
  text: string;
}

/**
 * A person writes to the app: their text becomes a draft interaction (read as a
 * one-line log when it is one, guessed otherwise) for them to log or edit.
 */
export async function handleDirectMessage(deps: SlackDeps, person: Person, client: WebClient, message: DirectMessage) {
  const { t, member } = person;
  if (HELP_WORDS.has(message.text.trim().toLowerCase())) {
    await client.chat.postMessage({ channel: message.channel, ...buildHelpMessage(t) });
    return;
  }
  const outcome = await deps.logging.log(
    { workspaceId: member.workspaceId, memberId: member.id, role: member.role },
    { surface: "dm", text: message.text },
  );
  if (outcome.status !== "draft") return;
  const { draft } = outcome;
  const card = buildDraftCard(t, { ...draft, draftId: draft.id, intro: t("draft.fromDm") });
  await client.chat.postMessage({ channel: message.channel, ...card });
}
