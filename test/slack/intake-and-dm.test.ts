import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answerTo, button, latest, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

describe("intake channels and direct messages", () => {
  let app: TestApp;
  const admin = { user: "U0ADMIN", channel: "C0GENERAL" };
  const agent = { user: "U0AGENT", channel: "C0GENERAL" };
  const db = () => app.rapport.database.prisma;
  const webForm = (ts: string, text: string) => ({
    type: "message",
    subtype: "bot_message",
    bot_id: "B0WEBFORM",
    username: "Web form",
    channel: "C0INTAKE",
    channel_type: "channel",
    ts,
    text,
  });

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: admin.user, name: "ada" });
    app.slack.addUser({ id: agent.user, name: "abe" });
  });
  afterAll(() => app.stop());
  beforeEach(async () => {
    await db().interaction.deleteMany();
    await db().draft.deleteMany();
    await db().customer.deleteMany();
  });

  describe("/rapport intake", () => {
    it("makes the first person to use it the admin, and refuses others after that", async () => {
      const on = await answerTo(
        app,
        (await app.driver.command("/rapport", "intake <#C0INTAKE|web-forms> on", admin)).responseUrl,
      );
      expect(on.text).toContain("every new message in <#C0INTAKE> is logged");
      expect((await db().member.findFirstOrThrow({ where: { slackUserId: admin.user } })).role).toBe("admin");

      const refused = await answerTo(
        app,
        (await app.driver.command("/rapport", "intake <#C0OTHER|x> on", agent)).responseUrl,
      );
      expect(refused.text).toBe(
        "Only Rapport admins can do this. Ask an admin, or name yourself in ADMIN_SLACK_USER_IDS.",
      );
      expect(await db().intakeChannel.count({ where: { channelId: "C0OTHER" } })).toBe(0);
    });

    it("explains its usage when the channel or on/off is missing", async () => {
      const answer = await answerTo(app, (await app.driver.command("/rapport", "intake C0INTAKE", admin)).responseUrl);
      expect(answer.text).toBe("Usage: `/rapport intake #channel on` (or `off`).");
    });
  });

  describe("a new post in an intake channel", () => {
    it("becomes an interaction: customer and kind guessed, a reaction, the card in its thread", async () => {
      // As Slack sends it: the address auto-linked, the angle brackets escaped.
      const post = webForm(
        "1700000100.000001",
        "From: Jane Doe &lt;<mailto:jane@example.com|jane@example.com>&gt;\nMy order never arrived and I want a refund.",
      );
      expect((await app.driver.event(post)).status).toBe(200);
      const reaction = await app.slack.waitFor("reactions.add", (a) => a.timestamp === post.ts);
      expect(reaction.args).toMatchObject({ channel: "C0INTAKE", name: "white_check_mark" });
      const reply = await app.slack.waitFor("chat.postMessage", (a) => a.thread_ts === post.ts);
      expect(textOf(reply.args)).toContain("Complaint by Email with *Jane Doe*");
      expect(JSON.stringify(reply.args.blocks)).toContain("interaction_edit");

      const row = await db().interaction.findFirstOrThrow({ include: { customer: true } });
      expect(row).toMatchObject({
        kind: "complaint",
        sourceChannelId: "C0INTAKE",
        sourceMessageTs: post.ts,
        sourceAuthorId: "B0WEBFORM",
      });
      expect(row.customer).toMatchObject({ name: "Jane Doe", email: "jane@example.com" });
    });

    it("is logged once when delivered again, under another event id too", async () => {
      const post = webForm("1700000200.000001", "From: sam@example.com\nWhen do you open?");
      await app.driver.event(post, { eventId: "Ev0INTAKE1" });
      await app.driver.event(post, { eventId: "Ev0INTAKE1", retryNum: 1 });
      await app.driver.event(post, { eventId: "Ev0INTAKE2" });
      await app.slack.waitFor("reactions.add", (a) => a.timestamp === post.ts);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await db().interaction.count()).toBe(1);
      expect(app.slack.callsTo("chat.postMessage").filter((c) => c.args.thread_ts === post.ts)).toHaveLength(1);
    });

    it("follows an edit of the message", async () => {
      const post = webForm("1700000300.000001", "From: kim@example.com\nWhere is my parcel?");
      await app.driver.event(post);
      await app.slack.waitFor("reactions.add", (a) => a.timestamp === post.ts);
      await app.driver.event({
        type: "message",
        subtype: "message_changed",
        channel: "C0INTAKE",
        channel_type: "channel",
        hidden: true,
        ts: "1700000301.000001",
        message: { ...post, text: "From: kim@example.com\nWhere is my parcel? Order 42." },
        previous_message: post,
      });
      await expect
        .poll(async () => (await db().interaction.findFirstOrThrow()).summary)
        .toBe("From: kim@example.com\nWhere is my parcel? Order 42.");
    });

    it("reads the customer and the channel from a person's own words ('Maria Silva phoned about …')", async () => {
      const post = {
        type: "message",
        user: agent.user,
        channel: "C0INTAKE",
        channel_type: "channel",
        ts: "1700000350.000001",
        text: "Maria Silva phoned about her parcel, it arrived damaged",
      };
      await app.driver.event(post);
      const reaction = await app.slack.waitFor("reactions.add", (a) => a.timestamp === post.ts);
      expect(reaction.args.name).toBe("white_check_mark");
      const stored = await db().interaction.findFirstOrThrow({
        where: { sourceMessageTs: post.ts },
        include: { customer: true },
      });
      expect(stored).toMatchObject({ channel: "phone", kind: "complaint" });
      expect(stored.customer.name).toBe("Maria Silva");
    });

    it("leaves a draft to complete when the customer cannot be told", async () => {
      const post = {
        type: "message",
        user: agent.user,
        channel: "C0INTAKE",
        channel_type: "channel",
        ts: "1700000400.000001",
        text: "Someone called about a broken lamp",
      };
      await app.driver.event(post);
      const reaction = await app.slack.waitFor("reactions.add", (a) => a.timestamp === post.ts);
      expect(reaction.args.name).toBe("grey_question");
      const reply = await app.slack.waitFor("chat.postMessage", (a) => a.thread_ts === post.ts);
      expect(textOf(reply.args)).toContain("I could not tell who the customer is");
      expect(await db().interaction.count()).toBe(0);
      const edit = button(reply.args, "draft_open_form");
      const before = app.slack.callsTo("views.open").length;
      await app.driver.blockAction(
        { user: agent.user, channel: "C0INTAKE" },
        { action_id: edit.action_id, value: edit.value },
      );
      expect(JSON.stringify((await latest(app, "views.open", before)).args.view)).toContain(
        "Someone called about a broken lamp",
      );
    });

    it("ignores replies in threads, other channels, and the app's own posts", async () => {
      const before = app.slack.callsTo("reactions.add").length;
      await app.driver.event({
        type: "message",
        user: agent.user,
        channel: "C0INTAKE",
        channel_type: "channel",
        ts: "1700000500.000002",
        thread_ts: "1700000500.000001",
        text: "From: x@example.com reply",
      });
      await app.driver.event({
        type: "message",
        user: agent.user,
        channel: "C0ELSEWHERE",
        channel_type: "channel",
        ts: "1700000500.000003",
        text: "From: y@example.com hi",
      });
      await app.driver.event({
        type: "message",
        subtype: "bot_message",
        bot_id: "B0RAPPBOT",
        user: "U0RAPPBOT",
        channel: "C0INTAKE",
        channel_type: "channel",
        ts: "1700000500.000004",
        text: "From: z@example.com loop?",
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(app.slack.callsTo("reactions.add").length).toBe(before);
      expect(await db().interaction.count()).toBe(0);
    });

    it("stops when intake is turned off", async () => {
      await answerTo(
        app,
        (await app.driver.command("/rapport", "intake <#C0INTAKE|web-forms> off", admin)).responseUrl,
      );
      await app.driver.event(webForm("1700000600.000001", "From: off@example.com\nhello?"));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await db().interaction.count()).toBe(0);
      await answerTo(app, (await app.driver.command("/rapport", "intake <#C0INTAKE|web-forms> on", admin)).responseUrl);
    });
  });

  describe("a direct message to the app", () => {
    const dm = (text: string, ts: string) => ({
      type: "message",
      user: agent.user,
      channel: "D0AGENT",
      channel_type: "im",
      ts,
      text,
    });

    it("becomes a draft to confirm, logged once however often “Log it” is pressed", async () => {
      const workspaceId = (await db().workspace.findFirstOrThrow()).id;
      await db().customer.create({ data: { workspaceId, name: "Umbrella Corp", normalizedName: "umbrella corp" } });
      await app.driver.event(dm("Umbrella Corp complaint phone: wrong invoice", "1700000700.000001"));
      const draft = await app.slack.waitFor(
        "chat.postMessage",
        (a) => a.channel === "D0AGENT" && textOf(a).includes("Here is a draft"),
      );
      expect(textOf(draft.args)).toContain("Complaint by Phone with *Umbrella Corp*");
      expect(await db().interaction.count()).toBe(0);

      const logIt = button(draft.args, "draft_log");
      const first = app.slack.newResponseUrl();
      const second = app.slack.newResponseUrl();
      await app.driver.blockAction(
        { user: agent.user, channel: "D0AGENT" },
        { action_id: logIt.action_id, value: logIt.value },
        { response_url: first },
      );
      await app.driver.blockAction(
        { user: agent.user, channel: "D0AGENT" },
        { action_id: logIt.action_id, value: logIt.value },
        { response_url: second },
      );
      expect(textOf(await answerTo(app, first))).toContain("Logged:");
      expect(textOf(await answerTo(app, second))).toContain("Already logged:");
      expect(await db().interaction.count()).toBe(1);
    });

    it("guesses from free text and lets the person edit before logging", async () => {
      await app.driver.event(dm("Call from mia@example.com, wants to buy 3 licences", "1700000800.000001"));
      const draft = await app.slack.waitFor(
        "chat.postMessage",
        (a) => a.channel === "D0AGENT" && textOf(a).includes("mia@example.com"),
      );
      expect(textOf(draft.args)).toContain("Order request");
      const edit = button(draft.args, "draft_open_form");
      const before = app.slack.callsTo("views.open").length;
      await app.driver.blockAction(
        { user: agent.user, channel: "D0AGENT" },
        { action_id: edit.action_id, value: edit.value },
      );
      const view = JSON.stringify((await latest(app, "views.open", before)).args.view);
      expect(view).toContain("wants to buy 3 licences");
      expect(view).toContain("Create “mia@example.com”");
    });

    it("answers “help” with what the app can do", async () => {
      await app.driver.event(dm("help", "1700000900.000001"));
      const help = await app.slack.waitFor(
        "chat.postMessage",
        (a) => a.channel === "D0AGENT" && textOf(a).includes("What you can do"),
      );
      expect(textOf(help.args)).toContain("/rapport log");
    });
  });
});
