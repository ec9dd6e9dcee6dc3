import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTo, button, latest, logFormState } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { actionsIn, stateFor } from "../support/view-state.js";
import { AGENT, escalateFromCard, MGR1, setUpWorkspace } from "../support/workspace-setup.js";

type Json = Record<string, unknown>;

// Someone in another workspace replays every button and form of the first workspace (the ids
// they carry are all they need to forge) and forges the form's customer value: nothing of the
// first workspace changes, and nothing of it is shown to them.
describe("a second workspace replaying the first one's ids", () => {
  let app: TestApp;
  const EVE = { user: "U0EVE", channel: "C0EVE", team: "T0OTHER" };
  const SECRET = "Acme Secret Corp";
  const db = () => app.rapport.database.prisma;

  async function snapshotOf(workspaceId: string) {
    const where = { workspaceId };
    return JSON.stringify(
      await Promise.all([
        db().customer.findMany({ where, orderBy: { id: "asc" } }),
        db().interaction.findMany({ where, orderBy: { id: "asc" } }),
        db().escalation.findMany({ where, orderBy: { id: "asc" } }),
        db().escalationEvent.count({ where: { escalation: where } }),
        db().followUp.findMany({ where, orderBy: { id: "asc" } }),
        db().draft.findMany({ where, orderBy: { id: "asc" } }),
        db().auditEvent.count({ where }),
      ]),
    );
  }

  beforeAll(async () => {
    app = await startTestApp();
    await setUpWorkspace(app);
    app.slack.addUser({ id: EVE.user, name: "eve" });
    // The first set-up command in a new workspace makes Eve its admin: the most she can be.
    const first = await app.driver.command("/rapport", "hours 00:00-24:00 mon-sun UTC", EVE);
    await answerTo(app, first.responseUrl);
  });
  afterAll(() => app.stop());

  it("changes nothing in the first workspace and shows none of its customers", { timeout: 120_000 }, async () => {
    // Workspace A's surfaces: a logged card, an escalation card, a follow-up form, a DM draft, the log form.
    await escalateFromCard(app, `${SECRET} complaint: the parcel arrived broken`);
    const card = await answerTo(
      app,
      (await app.driver.command("/rapport", "log Zed Secret Ltd: a question", AGENT)).responseUrl,
    );
    const opened = app.slack.callsTo("views.open").length;
    await app.driver.blockAction(AGENT, button(card, "interaction_add_follow_up"));
    await latest(app, "views.open", opened);
    await app.driver.event({
      type: "message",
      channel: "D0AGENT",
      channel_type: "im",
      user: AGENT.user,
      text: "From: Nia Secret <nia@secret.example> wants a refund",
      ts: "1700000000.000100",
    });
    await app.slack.waitFor("chat.postMessage", (a) => a.channel === "D0AGENT" && JSON.stringify(a).includes("draft"));
    await app.driver.command("/rapport", "log", AGENT);
    await app.driver.command("/rapport", `customer ${SECRET}`, MGR1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const a = await db().workspace.findFirstOrThrow({ where: { slackTeamId: "T0RAPPORT" } });
    const b = await db().workspace.findFirstOrThrow({ where: { slackTeamId: EVE.team } });
    const before = await snapshotOf(a.id);
    const surfaces = app.slack.calls.filter((c) =>
      [
        "chat.postMessage",
        "chat.postEphemeral",
        "chat.update",
        "response_url",
        "views.open",
        "views.push",
        "views.update",
        "views.publish",
      ].includes(c.method),
    );
    const actions = surfaces.flatMap((c) => actionsIn((c.args.view as Json | undefined) ?? c.args));
    const views = surfaces.flatMap((c) => (c.args.view ? [c.args.view as Json] : []));
    expect(actions.length).toBeGreaterThan(10);
    expect(views.length).toBeGreaterThan(3);
    const customers = await db().customer.findMany({ where: { workspaceId: a.id } });
    const replayFrom = app.slack.calls.length;

    for (const action of actions) {
      const response = await app.driver.blockAction(EVE, action);
      expect(response.status, action.action_id).toBeLessThan(500);
    }
    for (const view of views) {
      if (!view.callback_id) continue;
      const state = stateFor(view, {
        text: (block) => (block.includes("days") ? "3" : block.includes("amount") ? "10" : "forged"),
        external: () => `id:${customers[0]?.id}`,
      });
      const response = await app.driver.viewSubmission(EVE, {
        id: `V${Math.random().toString(36).slice(2)}`,
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state,
      });
      expect(response.status, String(view.callback_id)).toBeLessThan(500);
      expect(response.body).not.toContain("Secret");
    }
    // The log form with another workspace's customer id, and a draft choice naming one.
    for (const customer of customers) {
      const response = await app.driver.viewSubmission(EVE, {
        id: `V${Math.random().toString(36).slice(2)}`,
        callback_id: "log_interaction_form",
        private_metadata: "{}",
        state: logFormState({ customer: `id:${customer.id}`, summary: "forged" }),
      });
      expect(response.status).toBeLessThan(500);
      expect(response.body).not.toContain("Secret");
    }
    // A draft of Eve's own, logged for the first workspace's customer by a forged "pick customer" button.
    await app.driver.event(
      {
        type: "message",
        channel: "D0EVE",
        channel_type: "im",
        user: EVE.user,
        text: "a refund for someone",
        ts: "1700000001.000100",
      },
      { team: EVE.team },
    );
    const draft = await expect
      .poll(() => db().draft.findFirst({ where: { workspaceId: b.id } }))
      .toBeTruthy()
      .then(() => db().draft.findFirstOrThrow({ where: { workspaceId: b.id } }));
    for (const customer of customers) {
      const response = await app.driver.blockAction(EVE, {
        action_id: "draft_pick_customer_0",
        value: JSON.stringify({ d: draft.id, c: customer.id }),
      });
      expect(response.status).toBeLessThan(500);
    }
    // Eve edits her own interaction and picks the first workspace's customer in the form.
    const own = await answerTo(app, (await app.driver.command("/rapport", "log Eve Own Co: hello", EVE)).responseUrl);
    const editOpened = app.slack.callsTo("views.open").length;
    await app.driver.blockAction(EVE, button(own, "interaction_edit"));
    const editForm = (await latest(app, "views.open", editOpened)).args.view as Json;
    for (const customer of customers) {
      const response = await app.driver.viewSubmission(EVE, {
        id: `V${Math.random().toString(36).slice(2)}`,
        callback_id: editForm.callback_id,
        private_metadata: editForm.private_metadata,
        state: logFormState({ customer: `id:${customer.id}`, summary: "moved across" }),
      });
      expect(response.status).toBeLessThan(500);
      expect(response.body).not.toContain("Secret");
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    expect(await snapshotOf(a.id)).toBe(before);
    const shownToEve = JSON.stringify(app.slack.calls.slice(replayFrom));
    expect(shownToEve).not.toContain("Secret");
    // Nothing Eve's workspace holds points at the first one's customers.
    const crossing = await db().interaction.count({ where: { workspaceId: b.id, customer: { workspaceId: a.id } } });
    expect(crossing).toBe(0);
  });
});
