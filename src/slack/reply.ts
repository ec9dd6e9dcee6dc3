import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";

export interface Message {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Tells one person something: privately in the channel they worked in, or in
 * their DM with the app when that is not possible (no channel, or the app is not in it).
 */
export async function tellPerson(
  client: WebClient,
  userId: string,
  channelId: string | undefined,
  message: Message,
): Promise<void> {
  if (channelId && !channelId.startsWith("D")) {
    try {
      await client.chat.postEphemeral({ channel: channelId, user: userId, ...message });
      return;
    } catch {
      // Not in the channel, or the channel is gone: the DM below still reaches them.
    }
  }
  await client.chat.postMessage({ channel: userId, ...message });
}
