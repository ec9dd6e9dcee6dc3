import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { COMMANDS, EVENTS, SHORTCUTS } from "../../src/slack/ids.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const MANIFEST = fileURLToPath(new URL("../../manifest.yml", import.meta.url));
const SCHEMA = fileURLToPath(new URL("../../../shared/slack/manifest.schema.1.0.0.json", import.meta.url));

interface Manifest {
  features: {
    slash_commands?: Array<{ command: string; url: string }>;
    shortcuts?: Array<{ callback_id: string; type: "global" | "message" }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions?: { bot_events?: string[]; request_url: string };
    interactivity?: { request_url: string; message_menu_options_url?: string };
  };
}

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  // Slack's schema writes some patterns under a "regex" keyword; enforce those too.
  ajv.addKeyword({
    keyword: "regex",
    type: "string",
    schemaType: "string",
    validate: (re: string, data: string) => new RegExp(re).test(data),
  });
  return ajv.compile(JSON.parse(readFileSync(SCHEMA, "utf8")));
}

const manifest = parse(readFileSync(MANIFEST, "utf8")) as Manifest;
const declaredCommands = (manifest.features.slash_commands ?? []).map((c) => c.command).sort();
const shortcuts = manifest.features.shortcuts ?? [];
const declaredShortcuts = shortcuts.map((s) => s.callback_id).sort();
const declaredEvents = [...(manifest.settings.event_subscriptions?.bot_events ?? [])].sort();

describe("manifest.yml", () => {
  it("is valid against Slack's published manifest schema", () => {
    const validate = validator();
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("is rejected by the same check when it breaks the schema", () => {
    const validate = validator();
    const broken = structuredClone(manifest) as unknown as {
      display_information: { background_color: string; name: string };
    };
    broken.display_information.background_color = "teal";
    expect(validate(broken)).toBe(false);
    broken.display_information.background_color = "#1d4f5c";
    broken.display_information.name = "R".repeat(36);
    expect(validate(broken)).toBe(false);
  });

  it("declares exactly the commands, shortcuts and events the app registers", () => {
    expect(declaredCommands).toEqual(Object.values(COMMANDS).sort());
    expect(declaredShortcuts).toEqual(Object.values(SHORTCUTS).sort());
    expect(declaredEvents).toEqual(Object.values(EVENTS).sort());
  });

  it("sends every request to the one endpoint Bolt listens on", () => {
    const urls = [
      ...(manifest.features.slash_commands ?? []).map((c) => c.url),
      manifest.settings.event_subscriptions?.request_url,
      manifest.settings.interactivity?.request_url,
      manifest.settings.interactivity?.message_menu_options_url,
    ];
    for (const url of urls) expect(new URL(url ?? "").pathname).toBe("/slack/events");
  });

  it("asks for the scopes its events need and no more", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      "channels:history",
      "chat:write",
      "commands",
      "files:read", // the customer file an admin uploads to import (file_input, files.info)
      "files:write", // the digest's chart and the CSV exports
      "groups:history",
      "im:history",
      "im:write", // conversations.open, to look in a person's DM for an interrupted campaign nudge
      "reactions:write",
      "users:read",
      "users:read.email", // an API call naming its author by email
    ]);
  });
});

describe("every declared command and event is answered by the running app", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: "U0MANIFEST", name: "max" });
  });
  afterAll(() => app.stop());

  it.each(declaredCommands)("%s", async (command) => {
    const response = await app.driver.command(command, "help", { user: "U0MANIFEST" });
    expect(response.status).toBe(200);
    await app.slack.waitFor("response_url", (args) => args.url === new URL(response.responseUrl).pathname);
  });

  // One delivery per declared event, and the Web API call that shows a listener handled it.
  const EVENT_PROBES: Record<string, { event: Record<string, unknown>; method: string; to?: string }> = {
    app_home_opened: {
      event: { type: "app_home_opened", user: "U0MANIFEST", tab: "home", channel: "D0MANIFEST" },
      method: "views.publish",
    },
    "message.im": {
      event: { type: "message", channel_type: "im", user: "U0MANIFEST", channel: "D0MANIFEST", text: "hi", ts: "9.1" },
      method: "chat.postMessage",
    },
    "message.channels": {
      event: {
        type: "message",
        channel_type: "channel",
        user: "U0MANIFEST",
        channel: "C0INTAKE",
        text: "From: a@b.co\nHi",
        ts: "9.2",
      },
      method: "reactions.add",
    },
    "message.groups": {
      event: {
        type: "message",
        channel_type: "group",
        user: "U0MANIFEST",
        channel: "G0INTAKE",
        text: "From: c@d.co\nHi",
        ts: "9.3",
      },
      method: "reactions.add",
    },
    // A holiday status: the person is asked in their DM whether to mark them away.
    user_change: {
      event: {
        type: "user_change",
        user: {
          id: "U0MANIFEST",
          team_id: "T0RAPPORT",
          deleted: false,
          is_bot: false,
          profile: { status_text: "Vacationing", status_emoji: ":palm_tree:", status_expiration: 0 },
        },
        cache_ts: 1_764_000_000,
        event_ts: "1764000000.000100",
      },
      method: "chat.postMessage",
      to: "U0MANIFEST",
    },
  };

  it.each(declaredEvents)("%s", async (name) => {
    const probe = EVENT_PROBES[name];
    if (!probe) throw new Error(`no probe for the declared event ${name}: add one here`);
    const channel = String(probe.event.channel);
    if (probe.method === "reactions.add") {
      const on = await app.driver.command("/rapport", `intake <#${channel}|intake> on`, { user: "U0MANIFEST" });
      await app.slack.waitFor("response_url", (args) => args.url === new URL(on.responseUrl).pathname);
    }
    expect((await app.driver.event(probe.event)).status).toBe(200);
    await app.slack.waitFor(probe.method, (args) =>
      probe.to
        ? args.channel === probe.to
        : [args.channel, args.user_id].includes(channel) || probe.method !== "reactions.add",
    );
  });

  it.each(shortcuts.map((s) => [s.callback_id, s.type] as const))("shortcut %s (%s)", async (callbackId, type) => {
    const before = app.slack.callsTo("views.open").length;
    const response =
      type === "message"
        ? await app.driver.messageShortcut({ user: "U0MANIFEST" }, callbackId, {
            ts: "9.9",
            user: "U0OTHER",
            text: "hello",
          })
        : await app.driver.globalShortcut({ user: "U0MANIFEST" }, callbackId);
    expect(response.status).toBe(200);
    await app.slack.waitFor("views.open", () => app.slack.callsTo("views.open").length > before);
  });
});
