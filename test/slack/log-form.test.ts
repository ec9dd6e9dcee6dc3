import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answerTo, button, latest, logFormState, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

type Json = Record<string, unknown>;

describe("the logging form, the shortcuts and the type-ahead", () => {
  let app: TestApp;
  let workspaceId: string;
  const agent = { user: "U0FORM", channel: "C0SUPPORT" };
  const colleague = { user: "U0COLL", channel: "C0SUPPORT" };
  const db = () => app.rapport.database.prisma;

  beforeAll(async () => {
    app = await startTestApp();
    for (const [id, name] of [
      [agent.user, "fay"],
      [colleague.user, "cole"],
      ["U0MGR", "mona"],
    ] as const)
      app.slack.addUser({ id, name });
    await answerTo(app, (await app.driver.command("/rapport", "help", agent)).responseUrl);
    workspaceId = (await db().workspace.findFirstOrThrow()).id;
  });
  afterAll(() => app.stop());
  beforeEach(async () => {
    await db().followUp.deleteMany();
    await db().interaction.deleteMany();
    await db().customer.deleteMany();
  });

  async function openForm(who = agent): Promise<Json> {
    const before = app.slack.callsTo("views.open").length;
    await app.driver.command("/rapport", "log", who);
    return (await latest(app, "views.open", before)).args.view as Json;
  }

  const submit = (view: Json, state: Json, who = agent, id = `V${Math.random().toString(36).slice(2, 10)}`) =>
    app.driver.viewSubmission(who, {
      id,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state,
    });

  it("opens from `/rapport log` with no text, within Slack's limits, defaulting to now", async () => {
    const view = await openForm();
    expect(view).toMatchObject({
      type: "modal",
      callback_id: "log_interaction_form",
      title: { text: "Log an interaction" },
    });
    const blocks = view.blocks as Array<{ block_id: string; element: Json }>;
    expect(blocks.map((b) => b.block_id)).toEqual([
      "customer",
      "kind",
      "channel",
      "summary",
      "reason_category",
      "outcome",
      "sentiment",
      "occurred_at",
      "escalate",
      "follow_up_days",
    ]);
    const shown = Number(blocks.find((b) => b.block_id === "occurred_at")?.element.initial_date_time);
    expect(Math.abs(shown * 1000 - Date.now())).toBeLessThan(10_000);
  });

  it("defaults to the app's clock, not the machine's (a clock moved on, as the sandbox's time travel does)", async () => {
    app.clock.advance(3 * 86_400_000);
    try {
      const view = await openForm();
      const blocks = view.blocks as Array<{ block_id: string; element: Json }>;
      const shown = Number(blocks.find((b) => b.block_id === "occurred_at")?.element.initial_date_time);
      expect(Math.abs(shown * 1000 - app.clock.now().getTime())).toBeLessThan(10_000);
      expect(shown * 1000 - Date.now()).toBeGreaterThan(2 * 86_400_000);
    } finally {
      app.clock.advance(-3 * 86_400_000);
    }
  });

  it("stores a submission before closing the form, then confirms in the channel with a follow-up due", async () => {
    const view = await openForm();
    const before = app.slack.callsTo("chat.postEphemeral").length;
    const response = await submit(
      view,
      logFormState({
        customer: "new:Zoe Park",
        kind: "complaint",
        channel: "email",
        summary: "Refund not received",
        outcome: "pending",
        sentiment: "negative",
        followUpDays: "3",
      }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toBe("");
    const row = await db().interaction.findFirstOrThrow({ include: { customer: true, followUps: true } });
    expect(row).toMatchObject({
      kind: "complaint",
      channel: "email",
      outcome: "pending",
      sentiment: "negative",
      summary: "Refund not received",
      customer: { name: "Zoe Park" },
    });
    expect(row.followUps).toHaveLength(1);
    expect(row.followUps[0]?.dueAt.getTime()).toBe(row.occurredAt.getTime() + 3 * 86_400_000);
    const confirmation = await latest(app, "chat.postEphemeral", before);
    expect(confirmation.args).toMatchObject({ channel: agent.channel, user: agent.user });
    expect(textOf(confirmation.args)).toContain("1 follow-up due");
  });

  it("schedules a satisfaction check three days after a complaint logged as resolved", async () => {
    const view = await openForm();
    await submit(
      view,
      logFormState({
        customer: "new:Happy End Ltd",
        kind: "complaint",
        summary: "Replaced the unit",
        outcome: "resolved",
      }),
    );
    const row = await db().interaction.findFirstOrThrow({ include: { followUps: true } });
    expect(row.followUps).toHaveLength(1);
    expect(row.followUps[0]?.dueAt.getTime()).toBe(row.occurredAt.getTime() + 3 * 86_400_000);
  });

  it("shows each problem beside its field and stores nothing", async () => {
    const view = await openForm();
    const response = await submit(
      view,
      logFormState({ summary: "  ", occurredAt: new Date(Date.now() + 86_400_000), followUpDays: "0" }),
    );
    expect(JSON.parse(response.body)).toEqual({
      response_action: "errors",
      errors: {
        customer: "Choose a customer, or “Create …” for a new one.",
        summary: "Write what happened.",
        occurred_at: "This is in the future; choose when it happened.",
        follow_up_days: "Choose between 1 and 365 days.",
      },
    });
    expect(await db().interaction.count()).toBe(0);
  });

  it("stores a double-clicked submit (the same view twice) once and confirms once", async () => {
    const view = await openForm();
    const before = app.slack.callsTo("chat.postEphemeral").length;
    const state = logFormState({ customer: "new:Double Click Ltd", summary: "twice" });
    const [first, second] = await Promise.all([
      submit(view, state, agent, "V0SAME"),
      submit(view, state, agent, "V0SAME"),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await latest(app, "chat.postEphemeral", before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await db().interaction.count()).toBe(1);
    expect(await db().customer.count()).toBe(1);
    expect(app.slack.callsTo("chat.postEphemeral").length - before).toBe(1);
  });

  it("keeps the form open, saying so beside the customer, when the chosen customer is gone", async () => {
    const view = await openForm();
    const response = await submit(
      view,
      logFormState({ customer: "id:00000000-0000-4000-8000-000000000000", summary: "keep me" }),
    );
    expect(JSON.parse(response.body)).toEqual({
      response_action: "errors",
      errors: { customer: "That customer is not in this workspace any more. Choose the customer again." },
    });
    expect(await db().interaction.count()).toBe(0);
  });

  it("answers the customer type-ahead with matches and a “Create …” option", async () => {
    for (const name of ["Northwind Traders", "Northwest Bank", "Contoso"]) {
      await db().customer.create({ data: { workspaceId, name, normalizedName: name.toLowerCase() } });
    }
    const response = await app.driver.blockSuggestion(agent, "customer_select", "north");
    expect(response.elapsedMs).toBeLessThan(3_000);
    const { options } = JSON.parse(response.body) as { options: Array<{ text: { text: string }; value: string }> };
    expect(options.map((o) => o.text.text)).toEqual(["Northwest Bank", "Northwind Traders", "Create “north”"]);
    expect(options[2]?.value).toBe("new:north");
    expect(options[0]?.value).toMatch(/^id:[0-9a-f-]{36}$/);
  });

  it("logs a message from the message shortcut, keeping its author and permalink", async () => {
    const before = app.slack.callsTo("views.open").length;
    await app.driver.messageShortcut({ user: agent.user, channel: "C0SALES" }, "log_message_as_interaction", {
      ts: "1700000000.000100",
      user: "U0CUSTOMER",
      text: "Hi, this is <mailto:li@example.com|li@example.com>: my order #881 never arrived?",
    });
    const view = (await latest(app, "views.open", before)).args.view as Json;
    expect(JSON.stringify(view)).toContain("my order #881 never arrived?");
    expect(JSON.stringify(view)).toContain("Create “li@example.com”");
    await submit(
      view,
      logFormState({
        customer: "new:li@example.com",
        kind: "complaint",
        channel: "chat",
        summary: "Order #881 never arrived",
      }),
    );
    await app.slack.waitFor("chat.getPermalink", (args) => args.message_ts === "1700000000.000100");
    const row = await db().interaction.findFirstOrThrow();
    expect(row).toMatchObject({
      sourceChannelId: "C0SALES",
      sourceMessageTs: "1700000000.000100",
      sourceAuthorId: "U0CUSTOMER",
    });
    await expect
      .poll(async () => (await db().interaction.findFirstOrThrow()).sourcePermalink)
      .toContain("/archives/C0SALES/p1700000000000100");
  });

  it("opens the empty form from the global shortcut and confirms by DM", async () => {
    const before = app.slack.callsTo("views.open").length;
    await app.driver.globalShortcut(agent, "log_interaction");
    const view = (await latest(app, "views.open", before)).args.view as Json;
    const posted = app.slack.callsTo("chat.postMessage").length;
    await submit(
      view,
      logFormState({ customer: "new:Walk-in Customer", channel: "in_person", summary: "Asked for opening hours" }),
    );
    const dm = await latest(app, "chat.postMessage", posted);
    expect(dm.args.channel).toBe(agent.user);
  });

  it("adds a follow-up from the card's button", async () => {
    const card = await answerTo(
      app,
      (await app.driver.command("/rapport", "log Globex complaint: broken hinge", agent)).responseUrl,
    );
    const add = button(card, "interaction_add_follow_up");
    const before = app.slack.callsTo("views.open").length;
    await app.driver.blockAction(agent, { action_id: add.action_id, value: add.value });
    const view = (await latest(app, "views.open", before)).args.view as Json;
    expect(view.callback_id).toBe("follow_up_form");
    const state = {
      values: {
        follow_up_days: { follow_up_days_input: { value: "7" } },
        follow_up_note: { follow_up_note_input: { value: "Check the new hinge fits" } },
      },
    };
    const response = await app.driver.viewSubmission(agent, {
      id: "VFU1",
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state,
    });
    expect(response.body).toBe("");
    const followUp = await db().followUp.findFirstOrThrow({ include: { assignee: true } });
    expect(followUp).toMatchObject({
      note: "Check the new hinge fits",
      status: "pending",
      assignee: { slackUserId: agent.user },
    });
    expect(Math.abs(followUp.dueAt.getTime() - (Date.now() + 7 * 86_400_000))).toBeLessThan(60_000);
  });

  describe("editing", () => {
    async function logAndOpenEdit(who: { user: string; channel: string }) {
      const card = await answerTo(
        app,
        (await app.driver.command("/rapport", "log Initech: printer jam", agent)).responseUrl,
      );
      const edit = button(card, "interaction_edit");
      const before = app.slack.callsTo("views.open").length;
      await app.driver.blockAction(
        who,
        { action_id: edit.action_id, value: edit.value },
        { channel: { id: who.channel } },
      );
      return (await latest(app, "views.open", before)).args.view as Json;
    }

    it("lets the author change it, recorded in the audit trail", async () => {
      const view = await logAndOpenEdit(agent);
      expect(view.title).toMatchObject({ text: "Edit interaction" });
      expect(JSON.stringify(view)).toContain("printer jam");
      const row = await db().interaction.findFirstOrThrow();
      const response = await submit(
        view,
        logFormState({ customer: `id:${row.customerId}`, kind: "complaint", summary: "printer jam, third time" }),
      );
      expect(response.body).toBe("");
      expect(await db().interaction.findFirstOrThrow()).toMatchObject({
        kind: "complaint",
        summary: "printer jam, third time",
      });
      expect(await db().auditEvent.count({ where: { entityId: row.id, action: "interaction.edited" } })).toBe(1);
    });

    it("refuses another agent beside the form, changing nothing; a manager may", async () => {
      const view = await logAndOpenEdit(colleague);
      const row = await db().interaction.findFirstOrThrow();
      const refused = await submit(
        view,
        logFormState({ customer: `id:${row.customerId}`, summary: "not mine" }),
        colleague,
      );
      expect(JSON.parse(refused.body)).toEqual({
        response_action: "errors",
        errors: { summary: "Only its author or a manager can change this interaction." },
      });
      expect((await db().interaction.findFirstOrThrow()).summary).toBe("printer jam");

      await answerTo(app, (await app.driver.command("/rapport", "help", { user: "U0MGR" })).responseUrl);
      await db().member.updateMany({ where: { slackUserId: "U0MGR" }, data: { role: "manager" } });
      const allowed = await submit(
        view,
        logFormState({ customer: `id:${row.customerId}`, summary: "fixed by manager" }),
        { user: "U0MGR", channel: agent.channel },
      );
      expect(allowed.body).toBe("");
      expect((await db().interaction.findFirstOrThrow()).summary).toBe("fixed by manager");
    });
  });
});
