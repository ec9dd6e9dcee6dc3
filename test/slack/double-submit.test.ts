import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTo, button, campaignFormState, latest } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { AGENT, escalationFormState, MGR1, setUpWorkspace } from "../support/workspace-setup.js";

type Json = Record<string, unknown>;
const DAY = 24 * 60 * 60 * 1000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

// A double click on Submit sends the same view twice, at once: every form and every button that
// creates something creates it once, and says so once.
describe("the same form or button twice at once", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;

  beforeAll(async () => {
    app = await startTestApp();
    await setUpWorkspace(app);
  });
  afterAll(() => app.stop());

  async function opened(before: number): Promise<Json> {
    return (await latest(app, "views.open", before)).args.view as Json;
  }
  const twice = (who: { user: string }, view: Json, state: Json) => {
    const submission = {
      id: `V${Math.random().toString(36).slice(2)}`,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state,
    };
    return Promise.all([app.driver.viewSubmission(who, submission), app.driver.viewSubmission(who, submission)]);
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));

  it("the escalation form: one escalation, one card", async () => {
    const card = await answerTo(
      app,
      (await app.driver.command("/rapport", "log Twice Escalated complaint: broken", AGENT)).responseUrl,
    );
    const before = app.slack.callsTo("views.open").length;
    await app.driver.blockAction(AGENT, button(card, "interaction_escalate"));
    const view = await opened(before);
    const responses = await twice(AGENT, view, escalationFormState("refund please", view));
    for (const r of responses) expect(r.status).toBe(200);
    await expect
      .poll(() => app.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === "C0MGRS").length)
      .toBe(1);
    await settle();
    expect(await db().escalation.count({ where: { customer: { name: "Twice Escalated" } } })).toBe(1);
    expect(app.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === "C0MGRS")).toHaveLength(1);
  });

  it("the follow-up form: one follow-up, one confirmation", async () => {
    const card = await answerTo(
      app,
      (await app.driver.command("/rapport", "log Twice Followed: a question", AGENT)).responseUrl,
    );
    const before = app.slack.callsTo("views.open").length;
    await app.driver.blockAction(AGENT, button(card, "interaction_add_follow_up"));
    const view = await opened(before);
    const confirmations = () =>
      app.slack.calls.filter((c) => JSON.stringify(c.args).includes("Twice Followed") && c.method !== "views.open")
        .length;
    const shown = confirmations();
    const responses = await twice(AGENT, view, {
      values: {
        follow_up_days: { follow_up_days_input: { value: "3" } },
        follow_up_note: { follow_up_note_input: { value: "call back" } },
      },
    });
    for (const r of responses) expect(r.status).toBe(200);
    await expect.poll(() => db().followUp.count({ where: { customer: { name: "Twice Followed" } } })).toBe(1);
    await settle();
    expect(await db().followUp.count({ where: { customer: { name: "Twice Followed" } } })).toBe(1);
    expect(confirmations() - shown).toBe(1);
  });

  it("the campaign form: one campaign", async () => {
    const before = app.slack.callsTo("views.open").length;
    await app.driver.command("/rapport", "campaign", MGR1);
    const view = await opened(before);
    const responses = await twice(
      MGR1,
      view,
      campaignFormState({
        name: "Twice Spring",
        offer: "10% off",
        segment: "lapsed",
        starts: isoDay(app.clock.now()),
        ends: isoDay(new Date(app.clock.now().getTime() + 30 * DAY)),
      }),
    );
    for (const r of responses) expect(r.status).toBe(200);
    await settle();
    expect(await db().campaign.count({ where: { name: "Twice Spring" } })).toBe(1);
  });

  it("a draft's Log it button: one interaction", async () => {
    await answerTo(app, (await app.driver.command("/rapport", "log Twice Drafted: first contact", AGENT)).responseUrl);
    await answerTo(
      app,
      (await app.driver.command("/rapport", "log twice@drafted.example: email known", AGENT)).responseUrl,
    );
    await app.driver.event({
      type: "message",
      channel: "D0AGENT",
      channel_type: "im",
      user: AGENT.user,
      text: "Twice Drafted complaint phone: please call me",
      ts: "1700000100.000100",
    });
    const draftMessage = await app.slack.waitFor(
      "chat.postMessage",
      (a) => a.channel === "D0AGENT" && JSON.stringify(a).includes("Twice Drafted"),
    );
    const actions = (draftMessage.args.blocks as Json[]).flatMap((b) =>
      b.type === "actions" ? (b.elements as Json[]) : [],
    );
    const create = actions.find(
      (e) => String(e.action_id).startsWith("draft_create_customer") || e.action_id === "draft_log",
    );
    expect(create, JSON.stringify(actions)).toBeTruthy();
    const press = { action_id: String(create?.action_id), value: String(create?.value) };
    const who = { ...AGENT, channel: "D0AGENT" };
    await Promise.all([app.driver.blockAction(who, press), app.driver.blockAction(who, press)]);
    await settle();
    const fromDraft = () =>
      db().interaction.count({
        where: { requestKey: { startsWith: "draft:" }, customer: { name: "Twice Drafted" } },
      });
    await expect.poll(fromDraft).toBe(1);
    await settle();
    expect(await fromDraft()).toBe(1);
  });
});
