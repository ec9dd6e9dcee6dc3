import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Conversations, type StoredMessage } from "./conversations.js";
import { type Chaos, type Failure, FailurePlan } from "./failure-plan.js";
import { FileStore } from "./file-store.js";
import { checkMessage, checkView } from "./limits.js";
import { type FakeUser, PeopleDirectory } from "./people-directory.js";
import { ResponseUrls } from "./response-urls.js";

// A local stand-in for Slack's Web API: answers the methods Rapport uses,
// records every call, enforces Slack's documented limits with Slack's error
// names, and fails on request (429 with Retry-After, 500, a Slack error).

type Json = Record<string, unknown>;

export interface RecordedCall {
  method: string;
  args: Json;
  at: number;
  /** Where the call falls among messages: a message timestamp taken when it was recorded. */
  ts?: string;
  /** What the fake answered (absent for a failure it was told to give). */
  result?: Json;
}

/** A message as Slack keeps it in a conversation. */
export type { StoredMessage } from "./conversations.js";

export type { Chaos, Failure } from "./failure-plan.js";
export type { FakeUser } from "./people-directory.js";

export const FAKE_TEAM_ID = "T0RAPPORT";
export const FAKE_BOT_USER_ID = "U0RAPPBOT";
const TRIGGER_LIFETIME_MS = 3_000;

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  private readonly people = new PeopleDirectory(FAKE_TEAM_ID);
  private readonly plan = new FailurePlan();
  private readonly triggers = new Map<string, { issuedAt: number; used: boolean }>();
  private readonly conversations = new Conversations();
  private channelLimit?: { burst: number; perSecond: number };
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  /** Slack's clock, for message timestamps (a test that moves the app's clock moves this one too). */
  now: () => number = Date.now;
  /** How many 429s the per-channel limit gave. */
  channelLimited = 0;
  private readonly views = new Map<string, Json>();
  private readonly reactions = new Set<string>();
  private readonly fileStore = new FileStore();
  private readonly responseUrls = new ResponseUrls(
    () => this.url,
    this.fileStore,
    (call) => this.record(call),
    () => this.now(),
  );
  /** Files whose upload was completed, by id: what a test reads back (a CSV, a chart). */
  readonly files = this.fileStore.files;
  private server?: Server;
  private counter = 0;
  url = "";

  constructor(readonly botToken = "xoxb-fake-token") {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The settings that point a Rapport at this stand-in (any free port), signing with `signingSecret`. */
  appEnv(signingSecret: string): Record<string, string> {
    return {
      SLACK_BOT_TOKEN: this.botToken,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: this.apiUrl,
      PORT: "0",
    };
  }

  /** The value for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /**
   * A file a person uploaded (in a modal's file_input, or sent to the app): returns what Slack puts
   * in the view_submission's state for it.
   */
  uploadAs(user: string, filename: string, bytes: Buffer): Json {
    const id = `F${++this.counter}`;
    this.fileStore.uploadedBy(id, user, filename, bytes);
    return this.fileStore.describe(id, this.url);
  }

  addUser(user: FakeUser): void {
    this.people.add(user);
  }

  /** The next `times` calls of `method` (those `when` picks, if given) fail as described. */
  failNext(method: string, failure: Failure, times = 1, when?: (args: Json) => boolean): void {
    this.plan.failNext(method, failure, times, when);
  }

  /** Fails calls of `method` at random, as told (until `calm`). */
  unsettle(method: string, chaos: Chaos): void {
    this.plan.unsettle(method, chaos);
  }

  calm(method: string): void {
    this.plan.calm(method);
  }

  /**
   * Enforces chat.postMessage's limit of about one message a second per
   * channel, with short bursts allowed: a token bucket per channel.
   */
  limitPerChannel(limit: { burst: number; perSecond: number } | undefined): void {
    this.channelLimit = limit;
    this.buckets.clear();
  }

  /**
   * The messages posted in a conversation (a DM to a user is the conversation
   * "D<user id>"), oldest first; a thread's replies are "<channel>/<thread ts>".
   */
  messagesIn(channel: string): StoredMessage[] {
    return this.conversations.messagesIn(channel);
  }

  /** A message as it reads now (after any chat.update), or undefined. */
  current(channel: string, ts: string): Json | undefined {
    return this.conversations.current(channel, ts);
  }

  /** Keeps a view an app returned in its answer to a submission (response_action update or push). */
  keepView(view: Json, id?: string): Json {
    return (this.storeView(view, (error) => ({ ok: false, error }), id) as { view?: Json }).view ?? {};
  }

  /** A view as it was last opened, pushed, updated or published. */
  view(id: string): Json | undefined {
    return this.views.get(id);
  }

  /** Keeps a message a person wrote (the sandbox's message box), as Slack would show it; returns its ts. */
  recordPersonMessage(channel: string, user: string, text: string, threadTs?: string): string {
    const ts = this.nextTs();
    this.conversations.keep(channel, ts, { channel, text, user, ...(threadTs ? { thread_ts: threadTs } : {}) });
    return ts;
  }

  /** Slackbot's own answer to one person (a command that does not exist), as an ephemeral message. */
  recordSlackbotEphemeral(channel: string, user: string, text: string): void {
    const args = { channel, user, text, from: "slackbot" };
    const call = this.record({ method: "chat.postEphemeral", args, at: this.now() });
    call.result = { ok: true, message_ts: call.ts };
  }

  /** The reactions the app added to a message, in the order added. */
  reactionsOn(channel: string, ts: string): string[] {
    const prefix = `${channel}:${ts}:`;
    return [...this.reactions].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
  }

  /** Keeps a call with the time and message timestamp of the stand-in's clock. */
  private record(call: RecordedCall): RecordedCall {
    call.at = this.now();
    call.ts = this.nextTs();
    this.calls.push(call);
    return call;
  }

  /** Every message posted, in every conversation. */
  allMessages(): StoredMessage[] {
    return this.conversations.all();
  }

  /** The next call of `method` is answered only after `ms` milliseconds (a slow Slack). */
  delayNext(method: string, ms: number): void {
    this.plan.delayNext(method, ms);
  }

  issueTriggerId(): string {
    const id = `${++this.counter}.${Date.now()}.fake`;
    this.triggers.set(id, { issuedAt: Date.now(), used: false });
    return id;
  }

  newResponseUrl(): string {
    return this.responseUrls.issue();
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves with the first call to `method` matching `predicate`, waiting for it up to `timeoutMs`. */
  async waitFor(
    method: string,
    predicate: (args: Json) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<RecordedCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.find((call) => call.method === method && predicate(call.args));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${method} call arrived within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", this.url);
    const reply = (status: number, body: Json, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
    };

    if (url.pathname.startsWith("/response/")) {
      const { status, body } = this.responseUrls.posted(url.pathname, parseArgs(raw, "application/json"));
      return reply(status, body);
    }
    if (url.pathname.startsWith("/files/") && req.method === "GET") {
      // url_private: the bytes to an app holding the bot token; anyone else gets Slack's sign-in page.
      if (req.headers.authorization !== `Bearer ${this.botToken}`)
        return void res.writeHead(302, { location: `${this.url}/signin` }).end();
      const bytes = this.fileStore.download(url.pathname);
      if (!bytes) return reply(404, { ok: false, error: "file_not_found" });
      return void res.writeHead(200, { "content-type": "application/octet-stream" }).end(bytes);
    }
    if (url.pathname.startsWith("/upload/")) {
      const received = this.fileStore.receive(url.pathname.slice("/upload/".length), raw);
      return received ? reply(200, { ok: true }) : reply(404, { ok: false, error: "not_found" });
    }
    if (!url.pathname.startsWith("/api/")) return reply(404, { ok: false, error: "unknown_method" });

    const method = url.pathname.slice("/api/".length);
    const args = parseArgs(raw, req.headers["content-type"]);
    const call = this.record({ method, args, at: 0 });

    const { failure, failAfter } = await this.plan.decide(method, args);
    if (!failure && method === "chat.postMessage" && this.channelLimit && !this.takeToken(this.conversationOf(args))) {
      this.channelLimited++;
      return reply(429, { ok: false, error: "ratelimited" }, { "retry-after": "1" });
    }
    if (failure?.kind === "rate_limited") {
      return reply(429, { ok: false, error: "ratelimited" }, { "retry-after": String(failure.retryAfterSeconds) });
    }
    if (failure?.kind === "server_error") return reply(failure.status ?? 500, { ok: false, error: "internal_error" });
    if (failure?.kind === "error") return reply(200, { ok: false, error: failure.error });

    const auth = req.headers.authorization ?? (typeof args.token === "string" ? `Bearer ${args.token}` : undefined);
    if (!auth) return reply(200, { ok: false, error: "not_authed" });
    if (auth !== `Bearer ${this.botToken}`) return reply(200, { ok: false, error: "invalid_auth" });

    const result = this.answer(method, args);
    call.result = result;
    if (failAfter) return reply(500, { ok: false, error: "internal_error" });
    reply(200, result);
  }

  /** A command acknowledged with a message: Slack shows it as that command's answer. */
  recordAckAnswer(responseUrl: string, body: Json): RecordedCall {
    return this.responseUrls.answeredInAck(responseUrl, body);
  }

  private answer(method: string, args: Json): Json {
    const fail = (error: string, problems: string[] = []) => ({
      ok: false,
      error,
      ...(problems.length ? { errors: problems, response_metadata: { messages: problems } } : {}),
    });
    const str = (v: unknown) => (typeof v === "string" ? v : "");
    const settled = (answer: Json) =>
      "error" in answer ? fail(String(answer.error), (answer.problems as string[] | undefined) ?? []) : answer;
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://rapport-test.slack.com/",
          team: "Rapport Test",
          team_id: FAKE_TEAM_ID,
          user: "rapport",
          user_id: FAKE_BOT_USER_ID,
          bot_id: "B0RAPPBOT",
        };
      case "chat.postMessage":
      case "chat.postEphemeral": {
        if (!str(args.channel)) return fail("channel_not_found");
        if (method === "chat.postEphemeral" && !str(args.user)) return fail("user_not_found");
        const invalid = checkMessage(args) ?? this.fileStore.checkImageBlocks(args);
        if (invalid) return fail(invalid.error, invalid.problems);
        const ts = this.nextTs();
        if (method === "chat.postEphemeral") return { ok: true, message_ts: ts };
        // A message to a user goes to the app's DM with them, as in Slack.
        const channel = this.conversationOf(args);
        this.conversations.keep(channel, ts, args, str(args.channel));
        return { ok: true, channel, ts, message: { ...args, ts, user: FAKE_BOT_USER_ID } };
      }
      case "chat.update": {
        if (!this.conversations.current(str(args.channel), str(args.ts))) return fail("message_not_found");
        const invalid = checkMessage(args);
        if (invalid) return fail(invalid.error, invalid.problems);
        this.conversations.update(str(args.channel), str(args.ts), args);
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text ?? "" };
      }
      case "reactions.add": {
        if (!str(args.channel) || !str(args.timestamp) || !str(args.name)) return fail("invalid_arguments");
        const key = `${str(args.channel)}:${str(args.timestamp)}:${str(args.name)}`;
        if (this.reactions.has(key)) return fail("already_reacted");
        this.reactions.add(key);
        return { ok: true };
      }
      case "chat.getPermalink":
        if (!str(args.channel) || !str(args.message_ts)) return fail("invalid_arguments");
        return {
          ok: true,
          channel: args.channel,
          permalink: `https://rapport-test.slack.com/archives/${str(args.channel)}/p${str(args.message_ts).replace(".", "")}`,
        };
      case "views.open":
      case "views.push": {
        const trigger = this.triggers.get(str(args.trigger_id));
        if (!trigger) return fail("invalid_trigger_id");
        if (trigger.used) return fail("exchanged_trigger_id");
        trigger.used = true;
        if (Date.now() - trigger.issuedAt > TRIGGER_LIFETIME_MS) return fail("expired_trigger_id");
        return this.storeView(args.view, fail);
      }
      case "views.update": {
        if (!this.views.has(str(args.view_id))) return fail("not_found");
        return this.storeView(args.view, fail, str(args.view_id));
      }
      case "views.publish": {
        if (!str(args.user_id)) return fail("invalid_arguments");
        const view = args.view as Json | undefined;
        if (view?.type !== "home") return fail("invalid_arguments", ["/view/type: must be home"]);
        return this.storeView(view, fail);
      }
      case "conversations.open":
        if (!str(args.users)) return fail("users_list_not_supplied");
        return { ok: true, channel: { id: `D${str(args.users).split(",")[0]}` } };
      case "conversations.history":
      case "conversations.replies": {
        const channel = str(args.channel);
        if (!channel) return fail("channel_not_found");
        if (method === "conversations.replies" && !str(args.ts)) return fail("thread_not_found");
        const oldest = Number(args.oldest ?? 0);
        const limit = Math.min(Number(args.limit ?? 100) || 100, 999);
        const offset = Number(str(args.cursor).replace("offset:", "") || 0);
        const withMetadata = args.include_all_metadata === true || args.include_all_metadata === "true";
        const kept = method === "conversations.replies" ? `${channel}/${str(args.ts)}` : channel;
        const newestFirst = [...this.conversations.messagesIn(kept)].filter((m) => Number(m.ts) > oldest).reverse();
        const page = newestFirst.slice(offset, offset + limit);
        const more = offset + limit < newestFirst.length;
        return {
          ok: true,
          messages: page.map((m) => ({
            type: "message",
            ts: m.ts,
            text: m.args.text ?? "",
            user: FAKE_BOT_USER_ID,
            ...(withMetadata && m.args.metadata ? { metadata: m.args.metadata } : {}),
          })),
          has_more: more,
          response_metadata: { next_cursor: more ? `offset:${offset + limit}` : "" },
        };
      }
      case "users.lookupByEmail":
        return settled(this.people.byEmail(str(args.email)));
      case "users.info":
        return settled(
          this.people.info(str(args.user), args.include_locale === true || args.include_locale === "true"),
        );
      case "files.info":
        return settled(this.fileStore.info(str(args.file), this.url));
      case "files.getUploadURLExternal":
        return settled(this.fileStore.begin(`F${++this.counter}`, str(args.filename), Number(args.length), this.url));
      case "files.completeUploadExternal": {
        const answer = settled(this.fileStore.complete(args));
        // Shared in a conversation, the files come as one message from the app, the comment as its text.
        if (answer.ok && str(args.channel_id)) {
          const ts = this.nextTs();
          const channel = this.conversationOf({ channel: args.channel_id });
          const files = ((answer as Json).files as Json[]).map((f) => this.fileStore.describe(str(f.id), this.url));
          this.conversations.keep(channel, ts, {
            channel,
            text: str(args.initial_comment),
            files,
            user: FAKE_BOT_USER_ID,
          });
        }
        return answer;
      }
      default:
        return fail("unknown_method");
    }
  }

  /** A message timestamp as Slack writes them: seconds on the stand-in's clock, then a counter. */
  private nextTs(): string {
    return `${Math.floor(this.now() / 1000)}.${String(++this.counter).padStart(6, "0")}`;
  }

  private conversationOf(args: Json): string {
    const channel = typeof args.channel === "string" ? args.channel : "";
    return /^[UW][A-Z0-9]+$/.test(channel) ? `D${channel}` : channel;
  }

  private takeToken(channel: string): boolean {
    const limit = this.channelLimit;
    if (!limit) return true;
    const now = Date.now();
    const bucket = this.buckets.get(channel) ?? { tokens: limit.burst, at: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
    bucket.at = now;
    this.buckets.set(channel, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  private storeView(view: unknown, fail: (error: string, problems?: string[]) => Json, id?: string): Json {
    const problems = checkView(view);
    if (problems.length) return fail("invalid_arguments", problems);
    const viewId = id ?? `V${++this.counter}`;
    const stored = { ...(view as Json), id: viewId, hash: String(++this.counter) };
    this.views.set(viewId, stored);
    return { ok: true, view: stored };
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// @slack/web-api sends form bodies with nested values as JSON strings; JSON bodies are also accepted.
function parseArgs(raw: Buffer, contentType: string | undefined): Json {
  const text = raw.toString("utf8");
  if (!text) return {};
  if (contentType?.includes("application/json")) return JSON.parse(text) as Json;
  const args: Json = {};
  for (const [key, value] of new URLSearchParams(text)) {
    args[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return args;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
