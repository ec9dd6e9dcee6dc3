import { createHmac, randomUUID } from "node:crypto";
import { FAKE_TEAM_ID, type FakeSlack } from "./fake-slack.js";

// Sends Rapport what Slack sends: slash commands, interactions and Events API
// deliveries, signed exactly as Slack signs them (v0 HMAC-SHA256 of
// "v0:<timestamp>:<raw body>" with the signing secret).

export interface SignOptions {
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Sign with this secret instead of the app's (a forgery). */
  secret?: string;
  headers?: Record<string, string>;
}

export interface DriverResponse {
  status: number;
  body: string;
  elapsedMs: number;
}

export interface Actor {
  user: string;
  channel?: string;
  /** The workspace the person is in (the stand-in's own by default). */
  team?: string;
}

/** The message a command's acknowledgement carries, if it carries one. */
function messageIn(body: string): Record<string, unknown> | undefined {
  if (!body.trim().startsWith("{")) return undefined;
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    return typeof parsed.text === "string" || Array.isArray(parsed.blocks) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function signRequest(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export class SlackDriver {
  constructor(
    private readonly appUrl: string,
    private readonly signingSecret: string,
    private readonly slack: FakeSlack,
  ) {}

  /** POSTs a raw body to /slack/events, signed unless told otherwise. */
  async send(body: string, contentType: string, options: SignOptions = {}): Promise<DriverResponse> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const started = performance.now();
    const response = await fetch(`${this.appUrl}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": contentType,
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": signRequest(options.secret ?? this.signingSecret, timestamp, body),
        ...options.headers,
      },
      body,
    });
    const answered = { status: response.status, body: await response.text(), elapsedMs: performance.now() - started };
    // A slash command answered in its acknowledgement: Slack shows that message as the command's answer.
    const command = contentType === "application/x-www-form-urlencoded" ? new URLSearchParams(body) : undefined;
    const responseUrl = command?.get("command") ? command.get("response_url") : null;
    const message = answered.status === 200 ? messageIn(answered.body) : undefined;
    if (responseUrl && message) this.slack.recordAckAnswer(responseUrl, message);
    return answered;
  }

  /** A slash command, as Slack posts it; returns the HTTP answer and the command's response_url. */
  async command(command: string, text: string, actor: Actor, options: SignOptions = {}) {
    const responseUrl = this.slack.newResponseUrl();
    const triggerId = this.slack.issueTriggerId();
    const form = new URLSearchParams({
      token: "deprecated-verification-token",
      team_id: actor.team ?? FAKE_TEAM_ID,
      team_domain: "rapport-test",
      channel_id: actor.channel ?? "C0SUPPORT",
      channel_name: "support",
      user_id: actor.user,
      user_name: actor.user.toLowerCase(),
      command,
      text,
      api_app_id: "A0RAPPORT",
      is_enterprise_install: "false",
      response_url: responseUrl,
      trigger_id: triggerId,
    });
    const response = await this.send(form.toString(), "application/x-www-form-urlencoded", options);
    return { ...response, responseUrl, triggerId, answeredInAck: Boolean(messageIn(response.body)) };
  }

  /** An interaction payload (block_actions, view_submission, block_suggestion, shortcuts). */
  interaction(payload: Record<string, unknown>, options: SignOptions = {}): Promise<DriverResponse> {
    const form = new URLSearchParams({
      payload: JSON.stringify({
        team: { id: FAKE_TEAM_ID, domain: "rapport-test" },
        api_app_id: "A0RAPPORT",
        token: "deprecated-verification-token",
        ...payload,
      }),
    });
    return this.send(form.toString(), "application/x-www-form-urlencoded", options);
  }

  blockAction(actor: Actor, action: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    return this.interaction({
      type: "block_actions",
      user: { id: actor.user, team_id: actor.team ?? FAKE_TEAM_ID },
      team: { id: actor.team ?? FAKE_TEAM_ID, domain: "rapport-test" },
      channel: actor.channel ? { id: actor.channel } : undefined,
      trigger_id: this.slack.issueTriggerId(),
      response_url: this.slack.newResponseUrl(),
      actions: [{ type: "button", action_ts: String(Date.now() / 1000), ...action }],
      ...extra,
    });
  }

  viewSubmission(actor: Actor, view: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    return this.interaction({
      type: "view_submission",
      user: { id: actor.user, team_id: actor.team ?? FAKE_TEAM_ID },
      team: { id: actor.team ?? FAKE_TEAM_ID, domain: "rapport-test" },
      trigger_id: this.slack.issueTriggerId(),
      view,
      ...extra,
    });
  }

  blockSuggestion(actor: Actor, actionId: string, value: string, extra: Record<string, unknown> = {}) {
    return this.interaction({
      type: "block_suggestion",
      user: { id: actor.user, team_id: actor.team ?? FAKE_TEAM_ID },
      team: { id: actor.team ?? FAKE_TEAM_ID, domain: "rapport-test" },
      action_id: actionId,
      block_id: "b",
      value,
      ...extra,
    });
  }

  messageShortcut(actor: Actor, callbackId: string, message: Record<string, unknown>) {
    return this.interaction({
      type: "message_action",
      callback_id: callbackId,
      user: { id: actor.user, team_id: actor.team ?? FAKE_TEAM_ID },
      team: { id: actor.team ?? FAKE_TEAM_ID, domain: "rapport-test" },
      channel: { id: actor.channel ?? "C0SUPPORT" },
      message,
      trigger_id: this.slack.issueTriggerId(),
      response_url: this.slack.newResponseUrl(),
    });
  }

  globalShortcut(actor: Actor, callbackId: string) {
    return this.interaction({
      type: "shortcut",
      callback_id: callbackId,
      user: { id: actor.user, team_id: actor.team ?? FAKE_TEAM_ID },
      team: { id: actor.team ?? FAKE_TEAM_ID, domain: "rapport-test" },
      trigger_id: this.slack.issueTriggerId(),
    });
  }

  /** An Events API delivery; `retryNum` adds Slack's retry headers to a redelivery. */
  event(
    event: Record<string, unknown>,
    options: { eventId?: string; retryNum?: number; team?: string } & SignOptions = {},
  ) {
    const team = options.team ?? FAKE_TEAM_ID;
    const eventId = options.eventId ?? `Ev${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`;
    const body = JSON.stringify({
      token: "deprecated-verification-token",
      team_id: team,
      api_app_id: "A0RAPPORT",
      event: { event_ts: String(Date.now() / 1000), ...event },
      type: "event_callback",
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: team, user_id: "U0RAPPBOT", is_bot: true }],
    });
    const retryHeaders: Record<string, string> =
      options.retryNum === undefined
        ? {}
        : { "x-slack-retry-num": String(options.retryNum), "x-slack-retry-reason": "http_timeout" };
    return this.send(body, "application/json", { ...options, headers: { ...retryHeaders, ...options.headers } });
  }
}
