import type { KnownBlock } from "@slack/types";
import { ErrorCode, type WebClient } from "@slack/web-api";
import { NotDelivered, type Posted, RateLimited } from "../domain/outbound.js";

// Posting a DM at most once, even across a failure that leaves it unknown
// whether Slack took it: each message carries metadata naming it, and an
// attempt that follows an uncertain one first looks for that message.

const HISTORY_PAGES = 20;

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface OnceMessage {
  /** A person (their DM with the app) or a channel. */
  to: string;
  /** What kind of message, and which one: together they name it. */
  eventType: string;
  id: string;
  /** In a thread of the DM (a reminder under the first message). */
  threadTs?: string | null;
  /** When set, an earlier attempt after this moment may have posted it. */
  unsureSince: Date | null;
}

/** Posts `message` unless an uncertain earlier attempt already did; either way, where it is. */
export async function postOnce(client: WebClient, once: OnceMessage, message: SlackMessage): Promise<Posted> {
  if (once.unsureSince) {
    const earlier = await findPosted(client, once, once.unsureSince).catch((error: unknown) => {
      // Slack refused the look (not in that channel, say): nothing can have been posted there either.
      if ((error as { code?: string }).code === ErrorCode.PlatformError) return null;
      throw error;
    });
    if (earlier) return earlier;
  }
  try {
    const result = await client.chat.postMessage({
      channel: once.to,
      ...message,
      ...(once.threadTs ? { thread_ts: once.threadTs } : {}),
      metadata: { event_type: once.eventType, event_payload: { id: once.id } },
    });
    if (!result.channel || !result.ts) throw new Error("Slack did not say where the message went");
    return { channelId: result.channel, ts: result.ts };
  } catch (error) {
    const { code, retryAfter } = error as { code?: string; retryAfter?: number };
    if (code === ErrorCode.RateLimitedError) throw new RateLimited(retryAfter ?? 1);
    // Slack answered with a reason (ok: false): nothing was posted.
    if (code === ErrorCode.PlatformError) throw new NotDelivered(String(error), { cause: error });
    throw error;
  }
}

/** The message named by `once` in the conversation (or its thread), posted after `since`, if Slack has it. */
async function findPosted(client: WebClient, once: OnceMessage, since: Date): Promise<Posted | null> {
  const channel = /^[UW][A-Z0-9]+$/.test(once.to)
    ? (await client.conversations.open({ users: once.to })).channel?.id
    : once.to;
  if (!channel) return null;
  const oldest = String(Math.floor(since.getTime() / 1000) - 1);
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page++) {
    const common = { channel, oldest, include_all_metadata: true, limit: 200, ...(cursor ? { cursor } : {}) };
    const found = once.threadTs
      ? await client.conversations.replies({ ...common, ts: once.threadTs })
      : await client.conversations.history(common);
    const match = found.messages?.find(
      (m) =>
        m.metadata?.event_type === once.eventType &&
        (m.metadata.event_payload as { id?: string } | undefined)?.id === once.id,
    );
    if (match?.ts) return { channelId: channel, ts: match.ts };
    cursor = found.response_metadata?.next_cursor || undefined;
    if (!cursor) return null;
  }
  throw new Error("too much history to look through for an earlier message");
}
