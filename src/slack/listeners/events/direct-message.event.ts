import type { WebClient } from "@slack/web-api";
import { guessFromText } from "../../../domain/interactions/guess.js";
import { parseOneLine } from "../../../domain/interactions/one-line.parser.js";
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
  const parsed = parseOneLine(message.text);
  const guess = parsed.ok ? parsed.value : guessFromText(message.text, { channel: "chat" });
  let customerId: string | undefined;
  let customer = guess.customer ?? undefined;
  if (customer) {
    const match = await deps.customers.match(member.workspaceId, customer);
    if (match.status === "found") {
      customerId = match.customer.id;
      customer = match.customer.name;
    }
  }
  const draft = await deps.drafts.create(member.workspaceId, member.id, {
    customer,
    customerId,
    kind: guess.kind,
    channel: guess.channel,
    summary: guess.summary,
  });
  const card = buildDraftCard(t, {
    draftId: draft.id,
    customer: customer ?? null,
    kind: guess.kind,
    channel: guess.channel,
    summary: guess.summary,
    canLog: Boolean(customer),
    intro: t("draft.fromDm"),
  });
  await client.chat.postMessage({ channel: message.channel, ...card });
}
