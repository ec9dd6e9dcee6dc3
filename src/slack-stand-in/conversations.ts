// The stand-in's memory of conversations: every message kept as Slack shows it
// (after chat.update), in its conversation or, for a reply, in its thread.

type Json = Record<string, unknown>;

export interface StoredMessage {
  channel: string;
  ts: string;
  args: Json;
}

export class Conversations {
  private readonly latest = new Map<string, Json>();
  private readonly history = new Map<string, StoredMessage[]>();

  /**
   * Keeps a message posted in `channel` (a thread reply with its thread, not in the
   * channel's history); `alsoAs` is another id it can be found and updated by (a user id for a DM).
   */
  keep(channel: string, ts: string, args: Json, alsoAs?: string): void {
    this.latest.set(`${channel}:${ts}`, args);
    if (alsoAs) this.latest.set(`${alsoAs}:${ts}`, args);
    const where = typeof args.thread_ts === "string" && args.thread_ts ? `${channel}/${args.thread_ts}` : channel;
    this.history.set(where, [...(this.history.get(where) ?? []), { channel, ts, args }]);
  }

  /** chat.update: false when there is no such message. */
  update(channel: string, ts: string, args: Json): boolean {
    const key = `${channel}:${ts}`;
    if (!this.latest.has(key)) return false;
    this.latest.set(key, args);
    return true;
  }

  current(channel: string, ts: string): Json | undefined {
    return this.latest.get(`${channel}:${ts}`);
  }

  /** Oldest first; a thread's replies are "<channel>/<thread ts>". */
  messagesIn(conversation: string): StoredMessage[] {
    return this.history.get(conversation) ?? [];
  }

  all(): StoredMessage[] {
    return [...this.history.values()].flat();
  }
}
