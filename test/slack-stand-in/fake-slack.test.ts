import { type WebAPICallResult, WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack-stand-in/fake-slack.js";

// The fake is only useful if it refuses what real Slack refuses: these tests
// show each documented limit turning into Slack's own error name.

const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });
const modal = (title: string, extra: Record<string, unknown> = {}) => ({
  type: "modal" as const,
  title: { type: "plain_text" as const, text: title },
  blocks: [section("hi")],
  ...extra,
});

async function slackError(call: Promise<WebAPICallResult>): Promise<{ error: string; messages: string[] }> {
  try {
    await call;
  } catch (error) {
    const data = (error as { data?: { error: string; response_metadata?: { messages?: string[] } } }).data;
    return { error: data?.error ?? String(error), messages: data?.response_metadata?.messages ?? [] };
  }
  throw new Error("the fake accepted a call that Slack refuses");
}

describe("the fake Slack Web API", () => {
  let slack: FakeSlack;
  let client: WebClient;
  beforeAll(async () => {
    slack = await new FakeSlack().start();
    client = new WebClient(slack.botToken, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 20 },
    });
  });
  afterAll(() => slack.stop());

  it("answers and records a valid message", async () => {
    const result = await client.chat.postMessage({ channel: "C1", text: "hello", blocks: [section("hello")] });
    expect(result.ok).toBe(true);
    expect(slack.callsTo("chat.postMessage").at(-1)?.args).toMatchObject({ channel: "C1", text: "hello" });
  });

  it("refuses a wrong token with invalid_auth", async () => {
    const stranger = new WebClient("xoxb-wrong", { slackApiUrl: slack.apiUrl });
    expect((await slackError(stranger.auth.test())).error).toBe("invalid_auth");
  });

  it("refuses a message of more than 50 blocks", async () => {
    const blocks = Array.from({ length: 51 }, (_, i) => section(`line ${i}`));
    const { error, messages } = await slackError(client.chat.postMessage({ channel: "C1", text: "x", blocks }));
    expect(error).toBe("invalid_blocks");
    expect(messages).toContain("/blocks: no more than 50 items allowed");
    await expect(
      client.chat.postMessage({ channel: "C1", text: "x", blocks: blocks.slice(0, 50) }),
    ).resolves.toMatchObject({ ok: true });
  });

  it("refuses section text over 3,000, header text over 150 and button text over 75 characters", async () => {
    expect(
      (await slackError(client.chat.postMessage({ channel: "C1", text: "x", blocks: [section("a".repeat(3001))] })))
        .error,
    ).toBe("invalid_blocks");
    const header = { type: "header", text: { type: "plain_text", text: "h".repeat(151) } };
    expect((await slackError(client.chat.postMessage({ channel: "C1", text: "x", blocks: [header] }))).error).toBe(
      "invalid_blocks",
    );
    const button = {
      type: "actions",
      elements: [{ type: "button", action_id: "b", text: { type: "plain_text", text: "b".repeat(76) } }],
    };
    const refused = await slackError(
      client.chat.postEphemeral({ channel: "C1", user: "U1", text: "x", blocks: [button] }),
    );
    expect(refused.messages).toEqual([
      "/blocks/0/elements/0/text/text: button text must be at most 75 characters (was 76)",
    ]);
  });

  it("refuses message text over 40,000 characters with msg_too_long, and an empty message with no_text", async () => {
    expect((await slackError(client.chat.postMessage({ channel: "C1", text: "a".repeat(40_001) }))).error).toBe(
      "msg_too_long",
    );
    expect((await slackError(client.chat.postMessage({ channel: "C1", text: "" }))).error).toBe("no_text");
  });

  it("refuses a text object with nothing in it, as Slack does", async () => {
    const empty = await slackError(
      client.chat.postMessage({
        channel: "C1",
        text: "fallback",
        blocks: [{ type: "section", text: { type: "mrkdwn", text: "" } }],
      }),
    );
    expect(empty).toMatchObject({
      error: "invalid_blocks",
      messages: ["/blocks/0/text/text: must be more than 0 characters"],
    });
  });

  it("refuses a modal whose title is over 24 characters or whose private_metadata is over 3,000", async () => {
    const title = await slackError(
      client.views.open({ trigger_id: slack.issueTriggerId(), view: modal("t".repeat(25)) }),
    );
    expect(title).toMatchObject({
      error: "invalid_arguments",
      messages: ["/view/title/text: title must be at most 24 characters (was 25)"],
    });
    const metadata = await slackError(
      client.views.open({
        trigger_id: slack.issueTriggerId(),
        view: modal("ok", { private_metadata: "m".repeat(3001) }),
      }),
    );
    expect(metadata.error).toBe("invalid_arguments");
  });

  it("refuses more than 100 blocks in a modal or the home tab", async () => {
    const blocks = Array.from({ length: 101 }, () => section("x"));
    expect((await slackError(client.views.publish({ user_id: "U1", view: { type: "home", blocks } }))).error).toBe(
      "invalid_arguments",
    );
    await expect(
      client.views.publish({ user_id: "U1", view: { type: "home", blocks: blocks.slice(1) } }),
    ).resolves.toMatchObject({ ok: true });
  });

  it("lets a trigger_id open one view, only within 3 seconds", async () => {
    const trigger = slack.issueTriggerId();
    await expect(client.views.open({ trigger_id: trigger, view: modal("Log") })).resolves.toMatchObject({ ok: true });
    expect((await slackError(client.views.open({ trigger_id: trigger, view: modal("Log") }))).error).toBe(
      "exchanged_trigger_id",
    );
    expect((await slackError(client.views.open({ trigger_id: "made-up", view: modal("Log") }))).error).toBe(
      "invalid_trigger_id",
    );
  });

  it("answers 429 with Retry-After when told to, and the client waits that long before retrying", async () => {
    slack.failNext("chat.postMessage", { kind: "rate_limited", retryAfterSeconds: 1 });
    const started = Date.now();
    await expect(client.chat.postMessage({ channel: "C1", text: "after the wait" })).resolves.toMatchObject({
      ok: true,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    const attempts = slack.callsTo("chat.postMessage").filter((c) => c.args.text === "after the wait");
    expect(attempts).toHaveLength(2);
  });

  it("fails with a 500 or a Slack error such as channel_not_found when told to", async () => {
    slack.failNext("chat.postMessage", { kind: "error", error: "channel_not_found" });
    expect((await slackError(client.chat.postMessage({ channel: "C404", text: "x" }))).error).toBe("channel_not_found");
    slack.failNext("chat.update", { kind: "server_error" }, 2);
    const noRetry = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    await expect(noRetry.chat.update({ channel: "C1", ts: "1.1", text: "x" })).rejects.toThrow(/500/);
  });

  it("keeps the file upload pair honest: the bytes must arrive before the upload completes", async () => {
    const bytes = Buffer.from("a,b\n1,2\n");
    const { upload_url, file_id } = await client.files.getUploadURLExternal({
      filename: "x.csv",
      length: bytes.length,
    });
    expect((await slackError(client.files.completeUploadExternal({ files: [{ id: file_id ?? "" }] }))).error).toBe(
      "file_not_found",
    );
    await fetch(upload_url ?? "", { method: "POST", body: bytes });
    await expect(
      client.files.completeUploadExternal({ files: [{ id: file_id ?? "", title: "x" }] }),
    ).resolves.toMatchObject({ ok: true });
  });

  it("posts a message to a user in the app's DM with them, and keeps it there with its metadata", async () => {
    const metadata = { event_type: "test_event", event_payload: { id: "one" } };
    const posted = await client.chat.postMessage({ channel: "U0READER", text: "for you", metadata });
    expect(posted.channel).toBe("DU0READER");
    const opened = await client.conversations.open({ users: "U0READER" });
    expect(opened.channel?.id).toBe("DU0READER");
    const plain = await client.conversations.history({ channel: "DU0READER" });
    expect(plain.messages?.[0]).not.toHaveProperty("metadata");
    const full = await client.conversations.history({ channel: "DU0READER", include_all_metadata: true });
    expect(full.messages?.[0]).toMatchObject({ ts: posted.ts, metadata });
  });

  it("pages conversations.history newest first, with a cursor", async () => {
    for (let i = 0; i < 5; i++) await client.chat.postMessage({ channel: "C0PAGES", text: `m${i}` });
    const first = await client.conversations.history({ channel: "C0PAGES", limit: 3 });
    expect(first.messages?.map((m) => m.text)).toEqual(["m4", "m3", "m2"]);
    const cursor = first.response_metadata?.next_cursor ?? "";
    const second = await client.conversations.history({ channel: "C0PAGES", limit: 3, cursor });
    expect(second.messages?.map((m) => m.text)).toEqual(["m1", "m0"]);
    expect(second.response_metadata?.next_cursor).toBe("");
  });

  it("allows about one message a second per channel, with a short burst, when told to", async () => {
    slack.limitPerChannel({ burst: 2, perSecond: 1 });
    const strict = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true });
    try {
      await strict.chat.postMessage({ channel: "C0BUSY", text: "1" });
      await strict.chat.postMessage({ channel: "C0BUSY", text: "2" });
      await expect(strict.chat.postMessage({ channel: "C0BUSY", text: "3" })).rejects.toMatchObject({
        code: "slack_webapi_rate_limited_error",
        retryAfter: 1,
      });
      // Another channel has its own allowance.
      await expect(strict.chat.postMessage({ channel: "C0CALM", text: "1" })).resolves.toMatchObject({ ok: true });
    } finally {
      slack.limitPerChannel(undefined);
    }
  });

  it("fails at random as told, the same way for the same seed, and can post before answering 500", async () => {
    const noRetry = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    const outcomes = async (seed: number) => {
      slack.unsettle("chat.postMessage", { serverError: 0.3, serverErrorAfterPosting: 0.3, seed });
      const seen: string[] = [];
      for (let i = 0; i < 20; i++) {
        const before = slack.messagesIn("C0CHAOS").length;
        const ok = await noRetry.chat.postMessage({ channel: "C0CHAOS", text: `x${i}` }).then(
          () => "ok",
          () => "500",
        );
        seen.push(`${ok}${slack.messagesIn("C0CHAOS").length > before ? "+posted" : ""}`);
      }
      slack.calm("chat.postMessage");
      return seen;
    };
    const first = await outcomes(42);
    expect(await outcomes(42)).toEqual(first);
    expect(new Set(first)).toEqual(new Set(["ok+posted", "500", "500+posted"]));
  });

  it("accepts a response_url five times and no more", async () => {
    const url = slack.newResponseUrl();
    const post = () =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "x" }),
      });
    for (let i = 0; i < 5; i++) expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(404);
  });
});
