import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RecordedCall } from "../../src/slack-stand-in/fake-slack.js";
import { answerTo, button, latest, logFormState, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

type Json = Record<string, unknown>;

import {
  ADMIN,
  AGENT,
  DIRECTOR,
  MGR1,
  MGR2,
  OTHER_MGR,
  reasonCategoryIn,
  setUpWorkspace,
} from "../support/workspace-setup.js";

const HOUR = 3_600_000;

/** Logs an interaction as the agent and raises an escalation on it from the card's button. */
async function escalate(
  app: TestApp,
  options: { customer?: string; severity?: string; action?: string; amount?: string } = {},
) {
  const card = await answerTo(
    app,
    (
      await app.driver.command(
        "/rapport",
        `log ${options.customer ?? "Acme"} complaint phone: broken on arrival`,
        AGENT,
      )
    ).responseUrl,
  );
  const escalateButton = button(card, "interaction_escalate");
  const opened = app.slack.callsTo("views.open").length;
  await app.driver.blockAction(AGENT, { action_id: escalateButton.action_id, value: escalateButton.value });
  const view = (await latest(app, "views.open", opened)).args.view as Json;
  return submitEscalation(app, view, options);
}

async function submitEscalation(
  app: TestApp,
  view: Json,
  options: { severity?: string; action?: string; amount?: string } = {},
) {
  const posted = app.slack.callsTo("chat.postMessage").length;
  const state = {
    values: {
      ...reasonCategoryIn(view),
      reason: { reason_input: { value: "Customer wants a refund; the unit was broken on arrival" } },
      severity: { severity_input: { selected_option: { value: options.severity ?? "normal" } } },
      requested_action: { requested_action_input: { selected_option: { value: options.action ?? "refund" } } },
      amount: { amount_input: { value: options.amount ?? "120" } },
      escalation_note: { escalation_note_input: { value: null } },
    },
  };
  const response = await app.driver.viewSubmission(AGENT, {
    id: `V${Math.random().toString(36).slice(2)}`,
    callback_id: view.callback_id,
    private_metadata: view.private_metadata,
    state,
  });
  expect(response.body).toBe("");
  const escalation = await app.rapport.database.prisma.escalation.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
  // The card is posted after the form closes: wait until that attempt is over, so tests do not overlap.
  await expect
    .poll(async () => {
      const e = await app.rapport.database.prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id } });
      return e.postAttempts > 0 || e.channelId === null;
    })
    .toBe(true);
  if (escalation.channelId === null)
    await app.slack.waitFor(
      "chat.postMessage",
      (a) => a.channel === AGENT.user && textOf(a).includes("no managers' channel"),
    );
  return { escalation, posted };
}

const cardPosts = (app: TestApp, channel: string) =>
  app.slack
    .callsTo("chat.postMessage")
    .filter(
      (c) =>
        c.result?.ok === true &&
        c.args.channel === channel &&
        !c.args.thread_ts &&
        textOf(c.args).includes("escalation_claim"),
    );
const threadLines = (app: TestApp, ts: string) =>
  app.slack.callsTo("chat.postMessage").filter((c) => c.args.thread_ts === ts);
const dmsTo = (app: TestApp, user: string) =>
  app.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === user);

/** The card posted for the newest escalation. */
async function cardOf(app: TestApp): Promise<RecordedCall> {
  const { messageTs } = await app.rapport.database.prisma.escalation.findFirstOrThrow({
    orderBy: { createdAt: "desc" },
  });
  return app.slack
    .waitFor("chat.postMessage", () =>
      app.slack.callsTo("chat.postMessage").some((c) => messageTs !== null && c.result?.ts === messageTs),
    )
    .then(() => app.slack.callsTo("chat.postMessage").find((c) => c.result?.ts === messageTs) as RecordedCall);
}

describe("escalations", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;

  beforeAll(async () => {
    app = await startTestApp();
    await setUpWorkspace(app);
  });
  afterAll(() => app.stop());
  beforeEach(async () => {
    await db().followUp.deleteMany();
    await db().escalation.deleteMany();
    await db().interaction.deleteMany();
    await db().routingRule.deleteMany();
    app.slack.calls.length = 0;
  });

  describe("raising", () => {
    it("shows the amount in the workspace's currency, which only an admin sets, to a code Intl knows", async () => {
      const say = async (who: typeof ADMIN, text: string) =>
        String((await answerTo(app, (await app.driver.command("/rapport", text, who)).responseUrl)).text);
      const currency = async () => (await db().workspace.findFirstOrThrow()).currency;
      try {
        expect(await say(ADMIN, "currency eur")).toBe("Amounts are shown in EUR, for example €1,234.50.");
        expect(await currency()).toBe("EUR");
        await escalate(app, { amount: "49.9" });
        expect(textOf((await cardOf(app)).args)).toContain("Refund (€49.90)");

        // A word that is not a code, and an agent trying, change nothing.
        expect(await say(ADMIN, "currency euros")).toContain("“EUROS” is not a currency code");
        expect(await say(ADMIN, "currency XYZ")).toContain("“XYZ” is not a currency code");
        expect(await say(AGENT, "currency USD")).toContain("admin");
        expect(await currency()).toBe("EUR");
        expect(await db().auditEvent.count({ where: { action: "currency.set" } })).toBe(1);
        const summary = await answerTo(app, (await app.driver.command("/rapport", "settings", ADMIN)).responseUrl);
        expect(textOf(summary)).toContain("*Currency:* EUR");
      } finally {
        expect(await say(ADMIN, "currency none")).toBe("Amounts are shown without a currency, for example 1,234.50.");
      }
      expect(await currency()).toBeNull();
    });

    it("from the Escalate button: stored, routed to the team's managers' channel, the agent told", async () => {
      const { escalation } = await escalate(app, { severity: "high" });
      expect(escalation).toMatchObject({
        status: "open",
        severity: "high",
        requestedAction: "refund",
        channelId: "C0MGRS",
      });
      expect(escalation.amount?.toString()).toBe("120");
      const card = await cardOf(app);
      expect(card.args.channel).toBe("C0MGRS");
      const shown = textOf(card.args);
      for (const part of [
        "High escalation: Acme",
        "<@U0AGENT>",
        "Refund (120.00)",
        "broken on arrival",
        "escalation_approve",
        "escalation_reject",
        "escalation_reassign",
      ]) {
        expect(shown).toContain(part);
      }
      expect((await db().escalation.findFirstOrThrow()).messageTs).toBe(
        card.args.ts ?? (await db().escalation.findFirstOrThrow()).messageTs,
      );
      await app.slack.waitFor(
        "chat.postMessage",
        (a) => a.channel === AGENT.user && textOf(a).includes("is with the managers in <#C0MGRS>"),
      );
      expect((await db().interaction.findFirstOrThrow()).outcome).toBe("escalated");
      expect(await db().auditEvent.count({ where: { action: "escalation.raised" } })).toBeGreaterThan(0);
    });

    it("from the log form's checkbox: the form turns into the escalation form", async () => {
      const opened = app.slack.callsTo("views.open").length;
      await app.driver.command("/rapport", "log", AGENT);
      const form = (await latest(app, "views.open", opened)).args.view as Json;
      const state = logFormState({ customer: "new:Globex", kind: "complaint", summary: "Invoice charged twice" });
      (state.values as Json).escalate = {
        escalate_input: { type: "checkboxes", selected_options: [{ value: "yes" }] },
      };
      const response = await app.driver.viewSubmission(AGENT, {
        id: "VLOGESC",
        callback_id: form.callback_id,
        private_metadata: form.private_metadata,
        state,
      });
      const answer = JSON.parse(response.body) as { response_action: string; view: Json };
      expect(answer.response_action).toBe("update");
      expect(answer.view.callback_id).toBe("escalate_form");
      await submitEscalation(app, answer.view);
      expect(textOf((await cardOf(app)).args)).toContain("Globex");
    });

    it("from `/rapport escalate <customer>`: the form for the customer's latest interaction", async () => {
      await answerTo(
        app,
        (await app.driver.command("/rapport", "log Initech complaint: printer on fire", AGENT)).responseUrl,
      );
      const opened = app.slack.callsTo("views.open").length;
      await app.driver.command("/rapport", "escalate initech", AGENT);
      const view = (await latest(app, "views.open", opened)).args.view as Json;
      expect(JSON.stringify(view)).toContain("*Initech*");
      await submitEscalation(app, view);
      expect(await db().escalation.count()).toBe(1);
    });

    it("follows the most specific routing rule", async () => {
      await answerTo(
        app,
        (await app.driver.command("/rapport", "route <#C0URGENT|urgent> severity urgent", ADMIN)).responseUrl,
      );
      await escalate(app, { severity: "urgent" });
      expect((await cardOf(app)).args.channel).toBe("C0URGENT");
    });
  });

  describe("deciding", () => {
    async function raised() {
      const { escalation } = await escalate(app);
      const card = await cardOf(app);
      const ts = String((await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).messageTs);
      return { escalation, card, ts };
    }

    it("claim, then approve with a note, by button: card updated in place, a line in the thread, the agent told, a satisfaction follow-up", async () => {
      const { escalation, card, ts } = await raised();
      const claim = button(card.args, "escalation_claim");
      await app.driver.blockAction(MGR1, { action_id: claim.action_id, value: claim.value });
      await expect
        .poll(async () => (await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).status)
        .toBe("claimed");
      const updated = await app.slack.waitFor("chat.update", (a) => a.ts === ts);
      expect(textOf(updated.args)).toContain("Claimed");
      await app.slack.waitFor("chat.postMessage", (a) => a.thread_ts === ts && textOf(a).includes("<@U0MGR1> claimed"));
      await app.slack.waitFor(
        "chat.postMessage",
        (a) => a.channel === AGENT.user && textOf(a).includes("claimed the escalation"),
      );

      const approve = button(card.args, "escalation_approve");
      const opened = app.slack.callsTo("views.open").length;
      await app.driver.blockAction(MGR1, { action_id: approve.action_id, value: approve.value });
      const noteForm = (await latest(app, "views.open", opened)).args.view as Json;
      expect(noteForm.callback_id).toBe("escalation_decision_note");
      const empty = await app.driver.viewSubmission(MGR1, {
        id: "VNOTE0",
        callback_id: noteForm.callback_id,
        private_metadata: noteForm.private_metadata,
        state: { values: { decision_note: { decision_note_input: { value: "" } } } },
      });
      expect(JSON.parse(empty.body).errors.decision_note).toBe("Add a short note for the agent.");
      const ok = await app.driver.viewSubmission(MGR1, {
        id: "VNOTE1",
        callback_id: noteForm.callback_id,
        private_metadata: noteForm.private_metadata,
        state: {
          values: { decision_note: { decision_note_input: { value: "Refund approved, sorry for the trouble" } } },
        },
      });
      expect(ok.body).toBe("");
      const stored = await db().escalation.findUniqueOrThrow({
        where: { id: escalation.id },
        include: { events: true, followUps: true },
      });
      expect(stored).toMatchObject({ status: "approved", decisionNote: "Refund approved, sorry for the trouble" });
      expect(stored.events.map((e) => e.toStatus).sort()).toEqual(["approved", "claimed", "open"]);
      expect(stored.followUps).toHaveLength(1);
      expect(stored.followUps[0]?.dueAt.getTime()).toBeGreaterThan(Date.now() + 2.9 * 24 * HOUR);
      await app.slack.waitFor(
        "chat.postMessage",
        (a) => a.channel === AGENT.user && textOf(a).includes("approved the escalation"),
      );
      expect(await db().auditEvent.count({ where: { entityId: escalation.id } })).toBe(3);
    });

    it("by replying in the thread, in English and in Portuguese; other replies are left alone", async () => {
      const { escalation, ts } = await raised();
      await app.driver.event({
        type: "message",
        channel: "C0MGRS",
        user: MGR2.user,
        text: "what did the customer say exactly?",
        ts: "1800000000.000001",
        thread_ts: ts,
      });
      await app.driver.event({
        type: "message",
        channel: "C0MGRS",
        user: MGR2.user,
        text: "claim",
        ts: "1800000000.000002",
        thread_ts: ts,
      });
      await expect
        .poll(async () => (await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).status)
        .toBe("claimed");
      await app.driver.event({
        type: "message",
        channel: "C0MGRS",
        user: MGR2.user,
        text: "aprovado: reembolso total",
        ts: "1800000000.000003",
        thread_ts: ts,
      });
      await expect
        .poll(async () => (await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).status)
        .toBe("approved");
      expect((await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).decisionNote).toBe(
        "reembolso total",
      );
      expect(await db().escalationEvent.count({ where: { escalationId: escalation.id } })).toBe(3);
    });

    it("reject by thread reply needs a note", async () => {
      const { escalation, ts } = await raised();
      await app.driver.event({
        type: "message",
        channel: "C0MGRS",
        user: MGR1.user,
        text: "reject",
        ts: "1800000001.000001",
        thread_ts: ts,
      });
      await app.slack.waitFor(
        "chat.postEphemeral",
        (a) => a.user === MGR1.user && a.text === "Add a short note for the agent.",
      );
      await app.driver.event({
        type: "message",
        channel: "C0MGRS",
        user: MGR1.user,
        text: "reject - no proof of purchase",
        ts: "1800000001.000002",
        thread_ts: ts,
      });
      await expect
        .poll(async () => (await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).status)
        .toBe("rejected");
    });

    it("of two managers deciding at once, one wins and the other is told who decided", async () => {
      const { escalation, ts } = await raised();
      await Promise.all([
        app.driver.event({
          type: "message",
          channel: "C0MGRS",
          user: MGR1.user,
          text: "approve ok",
          ts: "1800000002.000001",
          thread_ts: ts,
        }),
        app.driver.event({
          type: "message",
          channel: "C0MGRS",
          user: MGR2.user,
          text: "reject no",
          ts: "1800000002.000002",
          thread_ts: ts,
        }),
      ]);
      const told = await app.slack.waitFor("chat.postEphemeral", (a) =>
        String(a.text).startsWith("Too late: it is already"),
      );
      const stored = await db().escalation.findUniqueOrThrow({
        where: { id: escalation.id },
        include: { events: true },
      });
      expect(["approved", "rejected"]).toContain(stored.status);
      expect(stored.events).toHaveLength(2);
      const winner = stored.status === "approved" ? MGR1.user : MGR2.user;
      expect(told.args.user).not.toBe(winner);
      expect(told.args.text).toBe(`Too late: it is already ${stored.status} (by <@${winner}>).`);
    });

    it("refuses an agent, a manager of another team and a forged button politely, changing nothing", async () => {
      const { escalation, card, ts } = await raised();
      const claim = button(card.args, "escalation_claim");
      for (const who of [AGENT, OTHER_MGR]) {
        const url = app.slack.newResponseUrl();
        await app.driver.blockAction(who, { action_id: claim.action_id, value: claim.value }, { response_url: url });
        expect((await answerTo(app, url)).text).toBe(
          "Only the managers of this team, or its director, can decide on it.",
        );
      }
      const forged = app.slack.newResponseUrl();
      await app.driver.blockAction(
        AGENT,
        { action_id: "escalation_approve", value: JSON.stringify({ e: escalation.id }) },
        { response_url: forged },
      );
      expect((await answerTo(app, forged)).text).toBe(
        "Only the managers of this team, or its director, can decide on it.",
      );
      await app.driver.event({
        type: "message",
        channel: "C0MGRS",
        user: AGENT.user,
        text: "approve myself",
        ts: "1800000003.000001",
        thread_ts: ts,
      });
      await app.slack.waitFor("chat.postEphemeral", (a) => a.user === AGENT.user);
      const stored = await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } });
      expect(stored).toMatchObject({ status: "open", version: 0 });
    });

    it("lets the agent cancel while it is open, and a manager reassign it to another manager of the team", async () => {
      const first = await raised();
      const dm = await app.slack.waitFor(
        "chat.postMessage",
        (a) => a.channel === AGENT.user && textOf(a).includes("escalation_cancel"),
      );
      const cancel = button(dm.args, "escalation_cancel");
      const refused = app.slack.newResponseUrl();
      await app.driver.blockAction(
        MGR1,
        { action_id: cancel.action_id, value: cancel.value },
        { response_url: refused },
      );
      expect((await answerTo(app, refused)).text).toBe(
        "Only the managers of this team, or its director, can decide on it.",
      );
      await app.driver.blockAction(AGENT, { action_id: cancel.action_id, value: cancel.value });
      await expect
        .poll(async () => (await db().escalation.findUniqueOrThrow({ where: { id: first.escalation.id } })).status)
        .toBe("cancelled");
      const cancelledCard = await app.slack.waitFor(
        "chat.update",
        (a) => a.ts === first.ts && textOf(a).includes("Cancelled"),
      );
      expect(textOf(cancelledCard.args)).not.toContain("escalation_claim");

      const second = await raised();
      const reassign = button(second.card.args, "escalation_reassign");
      const opened = app.slack.callsTo("views.open").length;
      await app.driver.blockAction(MGR1, { action_id: reassign.action_id, value: reassign.value });
      const form = (await latest(app, "views.open", opened)).args.view as Json;
      const pick = (user: string) => ({
        values: { assignee: { assignee_input: { type: "users_select", selected_user: user } } },
      });
      const wrong = await app.driver.viewSubmission(MGR1, {
        id: "VRA1",
        callback_id: form.callback_id,
        private_metadata: form.private_metadata,
        state: pick(AGENT.user),
      });
      expect(JSON.parse(wrong.body).errors.assignee).toBe("Choose a manager of this team.");
      const ok = await app.driver.viewSubmission(MGR1, {
        id: "VRA2",
        callback_id: form.callback_id,
        private_metadata: form.private_metadata,
        state: pick(MGR2.user),
      });
      expect(ok.body).toBe("");
      const stored = await db().escalation.findUniqueOrThrow({
        where: { id: second.escalation.id },
        include: { claimedBy: true },
      });
      expect(stored).toMatchObject({ status: "claimed", claimedBy: { slackUserId: MGR2.user } });
    });

    it("the director of the team may decide", async () => {
      const { escalation, ts } = await raised();
      await app.driver.event({
        type: "message",
        channel: "C0MGRS",
        user: DIRECTOR,
        text: "approve fine by me",
        ts: "1800000004.000001",
        thread_ts: ts,
      });
      await expect
        .poll(async () => (await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).status)
        .toBe("approved");
    });
  });

  describe("time limits (normal: 8 business hours)", () => {
    it("reminds in the thread naming the managers after the limit, hands to the director after twice, once each", async () => {
      const { escalation } = await escalate(app);
      const { messageTs } = await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } });
      const tick = () => app.rapport.scheduler.runNow("escalation-deadlines", app.clock.now());

      app.clock.advance(7 * HOUR);
      await tick();
      expect(
        threadLines(app, String(messageTs)).filter((c) => textOf(c.args).includes("Still unclaimed")),
      ).toHaveLength(0);

      app.clock.advance(1 * HOUR + 60_000);
      await tick();
      const reminders = threadLines(app, String(messageTs)).filter((c) => textOf(c.args).includes("Still unclaimed"));
      expect(reminders).toHaveLength(1);
      expect(textOf(reminders[0]?.args ?? {})).toMatch(/<@U0MGR1> <@U0MGR2>|<@U0MGR2> <@U0MGR1>/);

      app.clock.advance(8 * HOUR);
      await tick();
      await tick();
      expect(
        threadLines(app, String(messageTs)).filter((c) => textOf(c.args).includes("Still unclaimed")),
      ).toHaveLength(1);
      expect(dmsTo(app, DIRECTOR).filter((c) => textOf(c.args).includes("waited twice its time limit"))).toHaveLength(
        1,
      );
      expect(app.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === "C0DIRS")).toHaveLength(1);
    });

    it("posts the reminder and the hand-off once even when Slack answers 500 after posting them", async () => {
      const { escalation } = await escalate(app);
      const { messageTs, channelId } = await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } });
      const tick = () => app.rapport.scheduler.runNow("escalation-deadlines", app.clock.now());
      // Only this escalation's messages (earlier tests' escalations are handed off too).
      const mine = (messages: Array<{ args: Record<string, unknown> }>) =>
        messages.filter((m) =>
          String((m.args.metadata as { event_payload?: { id?: string } } | undefined)?.event_payload?.id).startsWith(
            escalation.id,
          ),
        );
      app.slack.unsettle("chat.postMessage", { serverErrorAfterPosting: 1, seed: 5 });
      app.clock.advance(16 * HOUR + 60_000); // past the limit and past twice the limit
      await tick(); // each message is posted, each answer is a 500: nothing is marked
      app.slack.calm("chat.postMessage");
      await tick(); // still held
      app.clock.advance(3 * 60_000);
      await tick(); // the leases ran out: each attempt looks first, finds its message, and marks it
      app.clock.advance(3 * 60_000);
      await tick();
      const thread = mine(app.slack.messagesIn(`${channelId}/${messageTs}`));
      expect(thread.filter((m) => textOf(m.args).includes("Still unclaimed"))).toHaveLength(1);
      expect(thread.filter((m) => textOf(m.args).includes("Handed to"))).toHaveLength(1);
      expect(mine(app.slack.messagesIn(`D${DIRECTOR}`))).toHaveLength(1);
      expect(mine(app.slack.messagesIn("C0DIRS"))).toHaveLength(1);
      expect(app.slack.callsTo("conversations.replies").length).toBeGreaterThan(0);
      expect(await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).toMatchObject({
        remindedAt: expect.any(Date),
        handedOffAt: expect.any(Date),
        reminderLeaseUntil: null,
        handoffLeaseUntil: null,
      });
    });

    it("counts business hours only, and claiming stops the clock", async () => {
      // Business hours that exclude today, whatever day the test runs: the deadline moves to another day.
      const today = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"][app.clock.now().getUTCDay()];
      const others = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].filter((d) => d !== today).join(",");
      await answerTo(app, (await app.driver.command("/rapport", `hours 09:00-17:00 ${others} UTC`, ADMIN)).responseUrl);
      try {
        const { escalation } = await escalate(app);
        const stored = await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } });
        const startOfTomorrow = new Date(
          Date.UTC(app.clock.now().getUTCFullYear(), app.clock.now().getUTCMonth(), app.clock.now().getUTCDate() + 1),
        );
        expect(stored.dueAt.toISOString()).toBe(new Date(startOfTomorrow.getTime() + 17 * HOUR).toISOString());
        app.clock.advance(9 * HOUR);
        await app.rapport.scheduler.runNow("escalation-deadlines", app.clock.now());
        expect(
          app.slack.callsTo("chat.postMessage").filter((c) => textOf(c.args).includes("Still unclaimed")),
        ).toHaveLength(0);

        await app.driver.event({
          type: "message",
          channel: "C0MGRS",
          user: MGR1.user,
          text: "claim",
          ts: "1800000005.000001",
          thread_ts: String(stored.messageTs),
        });
        await expect
          .poll(async () => (await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).status)
          .toBe("claimed");
        app.clock.advance(72 * HOUR);
        await app.rapport.scheduler.runNow("escalation-deadlines", app.clock.now());
        expect(
          app.slack
            .callsTo("chat.postMessage")
            .filter(
              (c) => textOf(c.args).includes("Still unclaimed") || textOf(c.args).includes("twice its time limit"),
            ),
        ).toHaveLength(0);
      } finally {
        await answerTo(app, (await app.driver.command("/rapport", "hours 00:00-24:00 mon-sun UTC", ADMIN)).responseUrl);
      }
    });
  });

  describe("when the card cannot be posted", () => {
    it("keeps the escalation, tells the agent and the admins, and posts it on a later tick", async () => {
      // The card's post only (a thread reply still on its way from the test before must not take it).
      app.slack.failNext(
        "chat.postMessage",
        { kind: "error", error: "not_in_channel" },
        1,
        (args) => args.channel === "C0MGRS" && !args.thread_ts,
      );
      const { escalation } = await escalate(app);
      const stored = await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } });
      expect(stored).toMatchObject({
        messageTs: null,
        postAttempts: 1,
        postError: expect.stringContaining("not_in_channel"),
      });
      await app.slack.waitFor(
        "chat.postMessage",
        (a) => a.channel === AGENT.user && textOf(a).includes("could not post it to <#C0MGRS> yet"),
      );
      await app.slack.waitFor(
        "chat.postMessage",
        (a) => a.channel === ADMIN.user && textOf(a).includes("am I invited"),
      );

      await app.rapport.scheduler.runNow("escalation-deadlines", app.clock.now());
      expect(cardPosts(app, "C0MGRS")).toHaveLength(0); // not yet due for a retry

      app.clock.advance(61_000);
      await app.rapport.scheduler.runNow("escalation-deadlines", app.clock.now());
      expect(cardPosts(app, "C0MGRS")).toHaveLength(1);
      expect((await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).messageTs).not.toBeNull();
    });

    it("after a 500 on a card Slack did post, tells nobody it failed and does not post it again", async () => {
      const toldFailed = () =>
        app.slack
          .callsTo("chat.postMessage")
          .filter((c) => c.args.channel === AGENT.user && textOf(c.args).includes("could not post it")).length;
      const toldBefore = toldFailed();
      app.slack.unsettle("chat.postMessage", { serverErrorAfterPosting: 1, seed: 9 });
      const { escalation } = await escalate(app);
      app.slack.calm("chat.postMessage");
      expect(await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).toMatchObject({
        messageTs: null,
        postAttempts: 1,
      });
      app.clock.advance(61_000);
      await app.rapport.scheduler.runNow("escalation-deadlines", app.clock.now());
      const cards = app.slack
        .messagesIn("C0MGRS")
        .filter(
          (m) =>
            (m.args.metadata as { event_payload?: { id?: string } } | undefined)?.event_payload?.id ===
            `${escalation.id}:card`,
        );
      expect(cards).toHaveLength(1);
      expect((await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).messageTs).toBe(cards[0]?.ts);
      expect(toldFailed()).toBe(toldBefore);
    });

    it("says what is missing when no managers' channel is set", async () => {
      await db().team.updateMany({ where: { name: "Support" }, data: { managersChannelId: null } });
      try {
        const { escalation } = await escalate(app);
        expect((await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).channelId).toBeNull();
        await app.slack.waitFor(
          "chat.postMessage",
          (a) => a.channel === AGENT.user && textOf(a).includes("no managers' channel is set"),
        );
        await app.slack.waitFor(
          "chat.postMessage",
          (a) => a.channel === ADMIN.user && textOf(a).includes("has nowhere to go"),
        );
      } finally {
        await db().team.updateMany({ where: { name: "Support" }, data: { managersChannelId: "C0MGRS" } });
      }
    });
  });
});
