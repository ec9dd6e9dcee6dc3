// The sandbox's web page and the few JSON calls behind it. Each call acts as
// one of the demo people: it sends Rapport what Slack would (signed), and the
// page reads back what Rapport sent the stand-in.
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SHORTCUTS } from "../slack/ids.js";
import { FAKE_TEAM_ID, type FakeSlack } from "../slack-stand-in/fake-slack.js";
import { mimeTypeOf } from "../slack-stand-in/file-store.js";
import type { SlackDriver } from "../slack-stand-in/slack-driver.js";
import { CHANNELS, PEOPLE } from "./demo-people.js";
import { Origins, stateFor } from "./sandbox-state.js";
import { asSlackSends, notACommand } from "./slack-escaping.js";

type Json = Record<string, unknown>;

export interface SandboxDeps {
  slack: FakeSlack;
  driver: SlackDriver;
  /** Moves the clock forward and runs what fell due. */
  travel(hours: number): Promise<Date>;
  now(): Date;
  /** What was logged before the page opened (none in an --empty sandbox), for the first screen. */
  history: ReadonlyArray<{ user: string; text: string }>;
}

const PAGE = new URL("./page/", import.meta.url);
const MODULES = ["sandbox", "state", "format", "act", "controls", "pickers", "blocks", "welcome"];
const FILES: Record<string, string> = {
  "/": "index.html",
  "/sandbox.css": "sandbox.css",
  ...Object.fromEntries(MODULES.map((name) => [`/${name}.js`, `${name}.js`])),
};
const TYPES: Record<string, string> = { html: "text/html; charset=utf-8", js: "text/javascript", css: "text/css" };

async function body(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Json) : {};
}

/** A call number from the page: a whole number from 0, anything else read as 0. */
function callNumber(text: string | null): number {
  const n = Number(text ?? 0);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

export async function startSandboxServer(deps: SandboxDeps, port = 0): Promise<{ url: string; stop(): Promise<void> }> {
  const { slack, driver } = deps;
  const origins = new Origins();
  const known = (user: unknown) => PEOPLE.some((p) => p.id === user);

  /** A trigger and a response URL the sandbox issues for one person's action. */
  const issue = (user: string, channel: string) => {
    const triggerId = slack.issueTriggerId();
    const responseUrl = slack.newResponseUrl();
    origins.own(user, channel, triggerId, responseUrl);
    return { trigger_id: triggerId, response_url: responseUrl };
  };

  const routes: Record<string, (input: Json, url: URL) => Promise<unknown>> = {
    // `since`: ephemeral messages from before this page was loaded are gone, as in Slack.
    "GET /people": async () => ({
      people: PEOPLE,
      channels: CHANNELS,
      now: deps.now().toISOString(),
      since: slack.calls.length,
      history: deps.history,
    }),
    "GET /state": async (_input, url) => {
      const user = url.searchParams.get("user") ?? "";
      if (!known(user)) throw new Error("unknown person");
      return {
        ...stateFor(slack, origins, {
          user,
          channel: url.searchParams.get("channel") ?? "C0SUPPORT",
          thread: url.searchParams.get("thread") ?? undefined,
          since: callNumber(url.searchParams.get("since")),
        }),
        now: deps.now().toISOString(),
      };
    },
    // Where a permalink's message is: in a conversation, or a reply in a thread.
    "GET /find": async (_input, url) => {
      const channel = url.searchParams.get("channel") ?? "";
      const ts = url.searchParams.get("ts") ?? "";
      const found = slack.allMessages().find((m) => m.channel === channel && m.ts === ts);
      const thread = found?.args.thread_ts;
      return { found: Boolean(found), thread: typeof thread === "string" ? thread : null };
    },
    "POST /say": async ({ user, channel, text, thread }) => {
      const who = String(user);
      const where = String(channel);
      const said = String(text ?? "").trim();
      if (!known(who) || !said) throw new Error("nothing to say");
      const command = /^\/rapport(?:\s+([\s\S]*))?$/.exec(said);
      if (command) {
        const sent = await driver.command("/rapport", asSlackSends(command[1] ?? ""), { user: who, channel: where });
        origins.own(who, where, sent.triggerId, sent.responseUrl);
        return { status: sent.status };
      }
      // Another command: Slack answers it itself and posts nothing.
      const other = /^(\/\S+)/.exec(said);
      if (other?.[1]) {
        slack.recordSlackbotEphemeral(where, who, notACommand(other[1]));
        return { status: 200 };
      }
      const ts = slack.recordPersonMessage(where, who, asSlackSends(said), thread ? String(thread) : undefined);
      const sent = await driver.event({
        type: "message",
        channel: where,
        channel_type: where.startsWith("D") ? "im" : "channel",
        user: who,
        text: asSlackSends(said),
        ts,
        ...(thread ? { thread_ts: String(thread) } : {}),
      });
      return { status: sent.status, ts };
    },
    "POST /action": async ({ user, channel, message, viewId, action, responseUrl }) => {
      const who = String(user);
      const where = String(channel ?? `D${who}`);
      const ids = issue(who, where);
      const view = viewId ? slack.view(String(viewId)) : undefined;
      const msg = message as Json | undefined;
      const extra: Json = {
        ...ids,
        ...(responseUrl ? { response_url: String(responseUrl) } : {}),
        ...(view
          ? { view, container: { type: "view", view_id: view.id } }
          : {
              channel: { id: where },
              message: msg,
              container: {
                type: "message",
                channel_id: where,
                message_ts: msg?.ts,
                is_ephemeral: Boolean(responseUrl),
              },
            }),
      };
      // An ephemeral message's own response_url: Rapport answers through it, replacing the message.
      if (responseUrl) origins.own(who, where, ids.trigger_id, String(responseUrl));
      const sent = await driver.blockAction({ user: who, channel: where }, action as Json, extra);
      return { status: sent.status };
    },
    "POST /suggest": async ({ user, viewId, actionId, blockId, value }) => {
      const view = slack.view(String(viewId));
      const sent = await driver.blockSuggestion({ user: String(user) }, String(actionId), String(value ?? ""), {
        block_id: blockId,
        view,
        container: { type: "view", view_id: viewId },
      });
      return sent.body ? JSON.parse(sent.body) : { options: [] };
    },
    "POST /submit": async ({ user, values }) => {
      const who = String(user);
      const stack = origins.modals.get(who) ?? [];
      const top = stack.length ? slack.view(stack[stack.length - 1] as string) : undefined;
      if (!top) throw new Error("no modal open");
      const ids = issue(who, `D${who}`);
      const sent = await driver.viewSubmission(
        { user: who },
        { ...top, state: { values } },
        { trigger_id: ids.trigger_id },
      );
      const answer = sent.body ? (JSON.parse(sent.body) as Json) : {};
      const action = answer.response_action;
      if (action === "errors") return { errors: answer.errors };
      if (action === "update") {
        const kept = slack.keepView(answer.view as Json, String(top.id));
        origins.modals.set(who, [...stack.slice(0, -1), String(kept.id)]);
      } else if (action === "push") {
        const kept = slack.keepView(answer.view as Json);
        origins.modals.set(who, [...stack, String(kept.id)]);
      } else origins.close(who, action === "clear");
      return { status: sent.status };
    },
    "POST /shortcut": async ({ user, channel, message }) => {
      const who = String(user);
      const where = String(channel);
      const ids = issue(who, where);
      const sent = await driver.interaction({
        type: "message_action",
        callback_id: SHORTCUTS.logMessage,
        user: { id: who, team_id: FAKE_TEAM_ID },
        channel: { id: where },
        message,
        ...ids,
      });
      return { status: sent.status };
    },
    "POST /home": async ({ user }) => {
      // Opening the Home tab: Slack tells the app, which publishes what the person sees there.
      const sent = await driver.event({
        type: "app_home_opened",
        user: String(user),
        channel: `D${user}`,
        tab: "home",
      });
      return { status: sent.status };
    },
    "POST /close": async ({ user }) => {
      origins.close(String(user));
      return {};
    },
    "POST /travel": async ({ hours }) => {
      const h = Number(hours);
      if (!(h > 0 && h <= 24 * 31)) throw new Error("hours from 1 to 744");
      return { now: (await deps.travel(h)).toISOString() };
    },
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const reply = (status: number, type: string, data: string | Buffer) =>
      res.writeHead(status, { "content-type": type }).end(data);
    (async () => {
      const file = FILES[url.pathname];
      if (req.method === "GET" && file) {
        return reply(200, TYPES[file.split(".").pop() ?? "html"] ?? "text/plain", await readFile(new URL(file, PAGE)));
      }
      if (req.method === "GET" && url.pathname.startsWith("/file/")) {
        const stored = slack.files.get(url.pathname.slice("/file/".length));
        if (!stored) return reply(404, "text/plain", "no such file");
        const type = mimeTypeOf(stored.filename);
        const disposition = type.startsWith("image/") ? "inline" : "attachment";
        return res
          .writeHead(200, {
            "content-type": type.startsWith("text/") ? `${type}; charset=utf-8` : type,
            "content-disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(stored.filename)}`,
          })
          .end(stored.bytes);
      }
      const route = routes[`${req.method} ${url.pathname}`];
      if (!route) return reply(404, "application/json", JSON.stringify({ error: "not found" }));
      const result = await route(req.method === "POST" ? await body(req) : {}, url);
      reply(200, "application/json", JSON.stringify(result));
    })().catch((error: unknown) => reply(400, "application/json", JSON.stringify({ error: String(error) })));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
