import type { WebClient } from "@slack/web-api";
import { guessFromText } from "../../../domain/interactions/guess.js";
import { INTAKE_KEY_PREFIX } from "../../../domain/interactions/interaction.repository.js";
import type { SlackDeps } from "../../deps.js";
import { loggedCard } from "../../logged-card.js";
import type { Person } from "../../people.js";
import { buildDraftCard } from "../../views/log-problems.view.js";

export interface IntakePost {
  channel: string;
  ts: string;
  text: string;
  /** The Slack user or bot that posted it. */
  postedBy: string | null;
}

/**
 * A new top-level message in an intake channel becomes an interaction: the
 * customer and kind are guessed, the message gets a reaction, and its thread
 * the card with buttons to correct it. An unknown customer leaves a draft instead.
 */
export async function handleIntakePost(deps: SlackDeps, author: Person, client: WebClient, post: IntakePost) {
  const { member } = author;
  // The thread is read by the whole channel: the workspace's language.
  const t = await deps.channelTranslator(member.workspaceId);
  const outcome = await deps.logging.log(
    { workspaceId: member.workspaceId, memberId: member.id, role: member.role },
    {
      surface: "intake",
      text: post.text,
      source: { channelId: post.channel, messageTs: post.ts, authorSlackId: post.postedBy },
      requestKey: `${INTAKE_KEY_PREFIX}${post.channel}:${post.ts}`,
    },
  );
  if (outcome.status === "logged") {
    if (!outcome.logged.created) return; // the same message delivered again
    await client.reactions.add({ channel: post.channel, timestamp: post.ts, name: "white_check_mark" });
    const card = await loggedCard(deps, { ...author, t }, outcome.logged);
    await client.chat.postMessage({
      channel: post.channel,
      thread_ts: post.ts,
      ...card,
      text: `${t("draft.fromIntake")} ${card.text}`,
    });
    return;
  }
  if (outcome.status !== "draft") return;
  const { draft } = outcome;
  await client.reactions.add({ channel: post.channel, timestamp: post.ts, name: "grey_question" });
  const card = buildDraftCard(t, { ...draft, draftId: draft.id, intro: t("draft.intakeUnknown") });
  await client.chat.postMessage({ channel: post.channel, thread_ts: post.ts, ...card });
}

/** The intake message was edited: its interaction's summary follows, as long as nobody changed it in Rapport. */
export async function handleIntakeEdit(deps: SlackDeps, workspaceId: string, post: IntakePost) {
  const interaction = await deps.interactions.findBySource(workspaceId, post.channel, post.ts);
  if (!interaction || interaction.deletedAt) return;
  const summary = guessFromText(post.text, { channel: "other" }).summary;
  if (!summary || summary === interaction.summary) return;
  await deps.interactions.edit(
    workspaceId,
    interaction.id,
    { memberId: interaction.authorId, role: "agent" },
    { summary },
  );
}
