import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { personOf } from "../../middleware/resolve-person.js";
import { plainFromSlack } from "../../slack-text.js";
import { handleDirectMessage } from "./direct-message.event.js";
import { handleIntakeEdit, handleIntakePost } from "./intake-message.event.js";
import { handleThreadReply } from "./thread-reply.event.js";

type MessageArgs = SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs;

interface RawMessage {
  subtype?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  user?: string;
  bot_id?: string;
  message?: RawMessage;
}

// New posts a person or another app makes; edits, deletions, joins and the like carry other subtypes.
// A thread reply sent "also to the channel" is a thread_broadcast: still a reply, still a decision.
const NEW_POST_SUBTYPES = new Set([undefined, "bot_message", "file_share", "thread_broadcast"]);
const PERSON_REPLY_SUBTYPES = new Set([undefined, "thread_broadcast"]);

/** Every message event: DMs to the app become drafts; posts in intake channels become interactions. */
export function messageEvent(deps: SlackDeps) {
  return async ({ event, body, client, context }: MessageArgs) => {
    const message = event as unknown as RawMessage;
    const teamId = body.team_id;
    if (message.channel_type === "im") {
      if (message.subtype !== undefined || !message.user || message.thread_ts) return;
      const person = await personOf(context);
      await handleDirectMessage(deps, person, client, {
        channel: message.channel,
        text: plainFromSlack(message.text ?? ""),
      });
      return;
    }
    const isEdit = message.subtype === "message_changed" && message.message;
    const post = isEdit ? (message.message as RawMessage) : message;
    if (!isEdit && !NEW_POST_SUBTYPES.has(message.subtype)) return;
    // Replies in threads are conversation, not intake; in an escalation card's thread they may be a decision.
    if (post.thread_ts && post.thread_ts !== post.ts) {
      if (!isEdit && post.user && PERSON_REPLY_SUBTYPES.has(message.subtype)) {
        await handleThreadReply(deps, client, {
          teamId,
          channel: message.channel,
          threadTs: post.thread_ts,
          user: post.user,
          text: post.text ?? "",
          person: () => personOf(context),
        });
      }
      return;
    }
    const posterId = post.user ?? context.botUserId;
    if (!posterId) return;
    // The channel check first: it is the cheapest way out for the many messages that are not intake.
    const workspaceId = await deps.members.workspaceIdOf(teamId);
    if (!(await deps.intake.isIntake(workspaceId, message.channel))) return;
    const intakePost = {
      channel: message.channel,
      ts: post.ts,
      text: plainFromSlack(post.text ?? ""),
      postedBy: post.user ?? post.bot_id ?? null,
    };
    if (isEdit) return handleIntakeEdit(deps, workspaceId, intakePost);
    // A person's post is theirs; another app's is logged as the app's own.
    const author = post.user ? await personOf(context) : await deps.identify(teamId, posterId, client);
    await handleIntakePost(deps, author, client, intakePost);
  };
}
