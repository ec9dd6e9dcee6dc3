// What one person sees in the sandbox, read from what Rapport sent the stand-in:
// conversations with their messages (as updated), threads, the ephemeral
// answers meant for them, their open modals and their App Home.
import { FAKE_BOT_USER_ID, type FakeSlack, type RecordedCall } from "../slack-stand-in/fake-slack.js";

type Json = Record<string, unknown>;

export interface ShownMessage {
  ts: string;
  user: string | null;
  text: string;
  blocks: unknown[];
  replies: number;
  /** Files shared with the message, as Slack describes them. */
  files?: unknown[];
  /** Reactions the app added (emoji names). */
  reactions?: string[];
  ephemeral?: boolean;
  responseUrl?: string;
}

/** Where each response_url and trigger_id came from: the sandbox issues them for one person. */
export class Origins {
  readonly responseUrls = new Map<string, { user: string; channel: string }>();
  readonly triggers = new Map<string, string>();
  /** Each person's stack of modals (view ids), newest last. */
  readonly modals = new Map<string, string[]>();
  private seen = 0;

  /** Remembers whose action a trigger and a response URL (when given) came from. */
  own(user: string, channel: string, triggerId: string, responseUrl?: string): void {
    this.triggers.set(triggerId, user);
    if (responseUrl) this.responseUrls.set(new URL(responseUrl).pathname, { user, channel });
  }

  /** Follows views opened, pushed and updated since the last look. */
  follow(slack: FakeSlack): void {
    const calls = slack.calls.slice(this.seen);
    this.seen = slack.calls.length;
    for (const call of calls) {
      if (!call.result?.ok) continue;
      const view = (call.result as { view?: { id?: string } }).view;
      if (!view?.id) continue;
      if (call.method === "views.open" || call.method === "views.push") {
        const user = this.triggers.get(String(call.args.trigger_id));
        if (!user) continue;
        const stack = call.method === "views.open" ? [] : (this.modals.get(user) ?? []);
        this.modals.set(user, [...stack, view.id]);
      }
    }
  }

  close(user: string, all = false): void {
    const stack = this.modals.get(user) ?? [];
    this.modals.set(user, all ? [] : stack.slice(0, -1));
  }
}

function shown(slack: FakeSlack, channel: string, ts: string, args: Json): ShownMessage {
  const now = slack.current(channel, ts) ?? args;
  return {
    ts,
    // The app's own messages (its file shares carry its user id) read as Rapport's.
    user: typeof now.user === "string" && now.user !== FAKE_BOT_USER_ID ? now.user : null,
    text: String(now.text ?? ""),
    blocks: (now.blocks as unknown[]) ?? [],
    replies: slack.messagesIn(`${channel}/${ts}`).length,
    files: (now.files as unknown[] | undefined) ?? [],
    reactions: slack.reactionsOn(channel, ts),
  };
}

/**
 * The ephemeral answers to `user` in `channel` (the last one per response_url: replace_original),
 * from the call numbered `since` on: as in Slack, they do not survive a reload.
 */
function ephemeral(slack: FakeSlack, origins: Origins, user: string, channel: string, since: number): ShownMessage[] {
  const byUrl = new Map<string, ShownMessage>();
  for (const call of (slack.calls as RecordedCall[]).slice(since)) {
    if (
      call.method === "chat.postEphemeral" &&
      call.result?.ok &&
      call.args.user === user &&
      call.args.channel === channel
    ) {
      byUrl.set(`e${call.ts}`, {
        ts: String((call.result as { message_ts?: string }).message_ts),
        user: null,
        text: String(call.args.text ?? ""),
        blocks: (call.args.blocks as unknown[]) ?? [],
        replies: 0,
        ephemeral: true,
      });
    }
    if (call.method !== "response_url") continue;
    const url = String(call.args.url);
    const origin = origins.responseUrls.get(url);
    if (!origin || origin.user !== user || origin.channel !== channel) continue;
    if (call.args.delete_original) {
      byUrl.delete(url);
      continue;
    }
    byUrl.set(url, {
      ts: String(call.ts),
      user: null,
      text: String(call.args.text ?? ""),
      blocks: (call.args.blocks as unknown[]) ?? [],
      replies: 0,
      ephemeral: true,
      responseUrl: `${new URL(slack.apiUrl).origin}${url}`,
    });
  }
  return [...byUrl.values()];
}

export function stateFor(
  slack: FakeSlack,
  origins: Origins,
  look: { user: string; channel: string; thread?: string; since?: number },
) {
  const { user, channel, thread } = look;
  origins.follow(slack);
  const messages = slack
    .messagesIn(channel)
    .map((m) => shown(slack, m.channel, m.ts, m.args))
    .concat(ephemeral(slack, origins, user, channel, look.since ?? 0))
    .sort((a, b) => Number(a.ts) - Number(b.ts));
  const replies = thread
    ? [...slack.messagesIn(channel).filter((m) => m.ts === thread), ...slack.messagesIn(`${channel}/${thread}`)].map(
        (m) => shown(slack, m.channel, m.ts, m.args),
      )
    : [];
  const modalIds = origins.modals.get(user) ?? [];
  const modal = modalIds.length ? slack.view(modalIds[modalIds.length - 1] as string) : undefined;
  const home = [...slack.calls]
    .reverse()
    .find((c) => c.method === "views.publish" && c.result?.ok && c.args.user_id === user);
  return {
    messages,
    replies,
    modal: modal ?? null,
    home: (home?.args.view as Json | undefined) ?? null,
  };
}
