import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

describe("/rapport help over signed HTTP", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: "U0AGENT1", name: "ana", realName: "Ana Costa", locale: "en-GB", tz: "Europe/Lisbon" });
  });
  afterAll(() => app.stop());

  it("acknowledges within Slack's 3 seconds and answers ephemerally with what the app can do", async () => {
    const response = await app.driver.command("/rapport", "help", { user: "U0AGENT1" });
    expect(response.status).toBe(200);
    expect(response.elapsedMs).toBeLessThan(3_000);

    const answer = await app.slack.waitFor(
      "response_url",
      (args) => args.url === new URL(response.responseUrl).pathname,
    );
    expect(answer.args.response_type).toBe("ephemeral");
    const blocks = answer.args.blocks as Array<{ type: string; text?: { text: string } }>;
    expect(blocks[0]).toMatchObject({ type: "header", text: { text: "Rapport: customer relations in Slack" } });
    expect(JSON.stringify(blocks)).toContain("/rapport help");
  });

  it("registers the person on first use with the locale and time zone Slack has for them", async () => {
    const info = app.slack.callsTo("users.info").find((call) => call.args.user === "U0AGENT1");
    // @slack/web-api sends form fields, so the boolean arrives as the string "true".
    expect(info?.args.include_locale).toBe("true");
    const member = await app.rapport.database.prisma.member.findFirstOrThrow({ where: { slackUserId: "U0AGENT1" } });
    expect(member).toMatchObject({ role: "agent", locale: "en-GB", timeZone: "Europe/Lisbon", displayName: "ana" });
  });

  it("looks a known person's locale up once, not on every command", async () => {
    const before = app.slack.callsTo("users.info").length;
    await app.driver.command("/rapport", "help", { user: "U0AGENT1" });
    await app.driver.command("/rapport", "", { user: "U0AGENT1" });
    await app.slack.waitFor("response_url", () => app.slack.callsTo("response_url").length >= 3);
    expect(app.slack.callsTo("users.info").length).toBe(before);
  });

  it("answers an unknown subcommand with a pointer to help, echoing only the command word", async () => {
    const response = await app.driver.command("/rapport", "frobnicate now", { user: "U0AGENT1" });
    const answer = await app.slack.waitFor(
      "response_url",
      (args) => args.url === new URL(response.responseUrl).pathname,
    );
    expect(answer.args.text).toBe(
      "I don't know the command `/rapport frobnicate`. Type `/rapport help` to see what I can do.",
    );
  });

  it("publishes the App Home tab when it is opened", async () => {
    const response = await app.driver.event({
      type: "app_home_opened",
      user: "U0AGENT1",
      channel: "D0AGENT1",
      tab: "home",
    });
    expect(response.status).toBe(200);
    const publish = await app.slack.waitFor("views.publish", (args) => args.user_id === "U0AGENT1");
    expect((publish.args.view as { type: string }).type).toBe("home");
  });

  it("answers a direct message with what the app can do, and ignores message edits", async () => {
    await app.driver.event({
      type: "message",
      subtype: "message_changed",
      channel: "D0AGENT1",
      channel_type: "im",
      hidden: true,
    });
    await app.driver.event({
      type: "message",
      user: "U0AGENT1",
      text: "hello?",
      channel: "D0AGENT1",
      channel_type: "im",
      ts: "1.000001",
    });
    await app.slack.waitFor("chat.postMessage", (args) => args.channel === "D0AGENT1");
    expect(app.slack.callsTo("chat.postMessage").filter((call) => call.args.channel === "D0AGENT1")).toHaveLength(1);
  });

  it("handles an event once even when Slack delivers it again with X-Slack-Retry-Num", async () => {
    const event = {
      type: "message",
      user: "U0AGENT1",
      text: "again",
      channel: "D0RETRY",
      channel_type: "im",
      ts: "2.000001",
    };
    const first = await app.driver.event(event, { eventId: "Ev0RETRY" });
    const retry = await app.driver.event(event, { eventId: "Ev0RETRY", retryNum: 1 });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await app.slack.waitFor("chat.postMessage", (args) => args.channel === "D0RETRY");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.slack.callsTo("chat.postMessage").filter((call) => call.args.channel === "D0RETRY")).toHaveLength(1);
    expect(await app.rapport.database.prisma.processedDelivery.count({ where: { key: "event:Ev0RETRY" } })).toBe(1);
  });
});
