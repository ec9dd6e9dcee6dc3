import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answerTo, button, latest, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { ADMIN, AGENT, escalateFromCard, MGR1, setUpWorkspace } from "../support/workspace-setup.js";

type Json = Record<string, unknown>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const KOLKATA = { user: "U0KOLKATA", channel: "C0SUPPORT" };

describe("follow-ups", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  const tick = () => app.rapport.scheduler.runNow("follow-ups", app.clock.now());
  const dmsTo = (user: string) =>
    app.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === user && c.result?.ok);
  const dueDms = (user: string) => dmsTo(user).filter((c) => textOf(c.args).includes("Time to follow up"));

  /** Moves the clock to the next time the UTC clock shows `hour`:00. */
  function advanceToUtcHour(hour: number) {
    const now = app.clock.now();
    const target = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
    if (target <= now) target.setUTCDate(target.getUTCDate() + 1);
    app.clock.advance(target.getTime() - now.getTime());
  }

  async function followUpFor(user: { user: string; channel: string }, customer: string, days = 1) {
    const card = await answerTo(
      app,
      (await app.driver.command("/rapport", `log ${customer} complaint: broken`, user)).responseUrl,
    );
    const add = button(card, "interaction_add_follow_up");
    const opened = app.slack.callsTo("views.open").length;
    await app.driver.blockAction(user, { action_id: add.action_id, value: add.value });
    const view = (await latest(app, "views.open", opened)).args.view as Json;
    const state = {
      values: {
        follow_up_days: { follow_up_days_input: { value: String(days) } },
        follow_up_note: { follow_up_note_input: { value: `Check ${customer} is happy` } },
      },
    };
    await app.driver.viewSubmission(user, {
      id: `VFU${Math.random()}`,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state,
    });
    return db().followUp.findFirstOrThrow({ where: { note: `Check ${customer} is happy` } });
  }

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: KOLKATA.user, name: "kavya", tz: "Asia/Kolkata" });
    await setUpWorkspace(app, [`role <@${KOLKATA.user}|kavya> agent team Support`]);
  });
  afterAll(() => app.stop());
  beforeEach(async () => {
    await db().followUp.deleteMany();
    await db().escalation.deleteMany();
    await db().interaction.deleteMany();
    await answerTo(app, (await app.driver.command("/rapport", "hours 00:00-24:00 mon-sun UTC", ADMIN)).responseUrl);
    app.slack.calls.length = 0;
  });

  it("is sent by DM once when due, with Done, Snooze and Reassign, and only after Slack took it", async () => {
    const followUp = await followUpFor(AGENT, "Acme");
    await tick();
    expect(dueDms(AGENT.user)).toHaveLength(0);

    app.clock.advance(DAY + 60_000);
    app.slack.failNext("chat.postMessage", { kind: "error", error: "ratelimited" });
    await tick();
    expect((await db().followUp.findUniqueOrThrow({ where: { id: followUp.id } })).notifiedAt).toBeNull();

    app.clock.advance(60_000);
    await tick();
    await tick();
    const dms = dueDms(AGENT.user);
    expect(dms).toHaveLength(1);
    const shown = textOf(dms[0]?.args ?? {});
    for (const part of ["*Acme*", "Check Acme is happy", "follow_up_done", "follow_up_snooze", "follow_up_reassign"])
      expect(shown).toContain(part);
    expect((await db().followUp.findUniqueOrThrow({ where: { id: followUp.id } })).notifiedAt).not.toBeNull();
  });

  it("is created by an approved escalation, for the agent, three days later", async () => {
    await escalateFromCard(app, "Globex complaint: refund");
    const { messageTs } = await db().escalation.findFirstOrThrow();
    await app.driver.event({
      type: "message",
      channel: "C0MGRS",
      user: MGR1.user,
      text: "approve ok",
      ts: "1800000100.000001",
      thread_ts: String(messageTs),
    });
    await expect.poll(async () => db().followUp.count()).toBe(1);
    app.clock.advance(3 * DAY + 60_000);
    await tick();
    expect(dueDms(AGENT.user).filter((c) => textOf(c.args).includes("Globex"))).toHaveLength(1);
  });

  it("not satisfied after an escalation: offers to re-open it, and re-opening sends it back to the managers", async () => {
    await escalateFromCard(app, "Umbrella complaint: refund");
    const escalation = await db().escalation.findFirstOrThrow();
    await app.driver.event({
      type: "message",
      channel: "C0MGRS",
      user: MGR1.user,
      text: "approve refund sent",
      ts: "1800000200.000001",
      thread_ts: String(escalation.messageTs),
    });
    await expect.poll(async () => db().followUp.count()).toBe(1);

    app.clock.advance(3 * DAY + 60_000);
    await tick();
    const dm = dueDms(AGENT.user).at(-1);
    const done = button(dm?.args ?? {}, "follow_up_done");
    const before = app.slack.callsTo("views.open").length;
    await app.driver.blockAction(AGENT, { action_id: done.action_id, value: done.value });
    const form = (await latest(app, "views.open", before)).args.view as Json;
    const outcome = {
      values: {
        follow_up_outcome: { follow_up_outcome_input: { selected_option: { value: "not_satisfied" } } },
        follow_up_outcome_note: { follow_up_outcome_note_input: { value: "refund never arrived" } },
      },
    };
    const response = await app.driver.viewSubmission(AGENT, {
      id: "VDONERE",
      callback_id: form.callback_id,
      private_metadata: form.private_metadata,
      state: outcome,
    });
    const reopen = (JSON.parse(response.body) as { response_action: string; view: Json }).view;
    expect(reopen.callback_id).toBe("follow_up_reopen");
    const confirm = await app.driver.viewSubmission(AGENT, {
      id: "VREOPEN",
      callback_id: reopen.callback_id,
      private_metadata: reopen.private_metadata,
      state: { values: { decision_note: { decision_note_input: { value: "refund never arrived" } } } },
    });
    expect(confirm.body).toBe("");
    const reopened = await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } });
    expect(reopened).toMatchObject({ status: "open", decidedAt: null, remindedAt: null });
    expect(reopened.dueAt.getTime()).toBeGreaterThan(app.clock.now().getTime());
    await app.slack.waitFor(
      "chat.postMessage",
      (a) => a.thread_ts === escalation.messageTs && textOf(a).includes("re-opened the escalation"),
    );
    await app.slack.waitFor(
      "chat.update",
      (a) => a.ts === escalation.messageTs && textOf(a).includes("escalation_claim"),
    );
  });

  it("arrives in each person's working hours, in their own time zone", async () => {
    await answerTo(app, (await app.driver.command("/rapport", "hours 09:00-17:00 mon-sun UTC", ADMIN)).responseUrl);
    await followUpFor(AGENT, "UTC Ltd");
    await followUpFor(KOLKATA, "Mumbai Traders");
    app.clock.advance(DAY);
    advanceToUtcHour(12); // 12:00 UTC is 17:30 in Kolkata: only the UTC agent is at work
    await tick();
    expect(dueDms(AGENT.user)).toHaveLength(1);
    expect(dueDms(KOLKATA.user)).toHaveLength(0);
    advanceToUtcHour(4); // 04:00 UTC is 09:30 in Kolkata, and too early in UTC
    await tick();
    expect(dueDms(KOLKATA.user)).toHaveLength(1);
    expect(dueDms(AGENT.user)).toHaveLength(1);
  });

  it.each([
    ["follow_up_snooze", { s: "hour" }, HOUR],
    ["follow_up_snooze", { s: "tomorrow" }, DAY],
    ["follow_up_snooze", { s: "next_week" }, 7 * DAY],
  ])("snoozes (%s %j) and comes back when due again", async (action, choice, roughly) => {
    const followUp = await followUpFor(AGENT, "Snooze Co");
    app.clock.advance(DAY + 60_000);
    await tick();
    const dm = dueDms(AGENT.user).at(-1);
    const blocks = (dm?.args.blocks ?? []) as Array<{ type: string; elements?: Json[] }>;
    const select = blocks.find((b) => b.type === "actions")?.elements?.find((e) => e.action_id === action) as {
      options: Array<{ value: string }>;
    };
    const option = select.options.find((o) => (JSON.parse(o.value) as { s: string }).s === choice.s);
    await app.driver.blockAction(AGENT, {
      type: "static_select",
      action_id: action,
      selected_option: { value: option?.value },
    });
    await app.slack.waitFor("chat.update", (a) => textOf(a).includes("Snoozed until"));
    const after = await db().followUp.findUniqueOrThrow({ where: { id: followUp.id } });
    expect(after.notifiedAt).toBeNull();
    const moved = after.dueAt.getTime() - app.clock.now().getTime();
    expect(moved).toBeGreaterThan(roughly === HOUR ? HOUR - 60_000 : 0);
    expect(moved).toBeLessThanOrEqual(roughly + DAY);
    app.clock.advance(moved + 60_000);
    await tick();
    expect(dueDms(AGENT.user).filter((c) => textOf(c.args).includes("Snooze Co"))).toHaveLength(2);
  });

  it("snoozes to a picked date", async () => {
    const followUp = await followUpFor(AGENT, "Date Co");
    app.clock.advance(DAY + 60_000);
    await tick();
    const date = new Date(app.clock.now().getTime() + 10 * DAY).toISOString().slice(0, 10);
    await app.driver.blockAction(AGENT, {
      type: "datepicker",
      action_id: `follow_up_snooze_date_${followUp.id}`,
      selected_date: date,
    });
    await expect
      .poll(async () => (await db().followUp.findUniqueOrThrow({ where: { id: followUp.id } })).dueAt.toISOString())
      .toBe(`${date}T00:00:00.000Z`);
  });

  it("reminds once a working day while overdue, and tells the manager after three days, once", async () => {
    await followUpFor(AGENT, "Late Co");
    app.clock.advance(DAY + 60_000);
    await tick();
    const overdue = () => dmsTo(AGENT.user).filter((c) => textOf(c.args).includes("Still to do"));
    const managerReports = () => dmsTo(MGR1.user).filter((c) => textOf(c.args).includes("overdue"));
    app.clock.advance(HOUR);
    await tick();
    expect(overdue()).toHaveLength(0); // already told today
    for (let day = 1; day <= 4; day++) {
      app.clock.advance(DAY);
      await tick();
      await tick();
    }
    expect(overdue()).toHaveLength(4);
    expect(managerReports()).toHaveLength(1);
    expect(textOf(managerReports()[0]?.args ?? {})).toMatch(
      /<@U0AGENT>'s follow-up with \*Late Co\* is \d+ days overdue/,
    );
  });

  it.each([
    ["satisfied", "positive", "resolved"],
    ["no_answer", null, "resolved"],
    ["not_satisfied", "negative", "pending"],
  ])(
    "Done as %s logs the outcome as an interaction and settles the DM",
    async (outcome, sentiment, interactionOutcome) => {
      const followUp = await followUpFor(AGENT, "Outcome Co");
      app.clock.advance(DAY + 60_000);
      await tick();
      const dm = dueDms(AGENT.user).at(-1);
      const done = button(dm?.args ?? {}, "follow_up_done");
      const opened = app.slack.callsTo("views.open").length;
      await app.driver.blockAction(AGENT, { action_id: done.action_id, value: done.value });
      const form = (await latest(app, "views.open", opened)).args.view as Json;
      const state = {
        values: {
          follow_up_outcome: { follow_up_outcome_input: { selected_option: { value: outcome } } },
          follow_up_outcome_note: { follow_up_outcome_note_input: { value: "called back" } },
        },
      };
      const response = await app.driver.viewSubmission(AGENT, {
        id: `VDONE${outcome}`,
        callback_id: form.callback_id,
        private_metadata: form.private_metadata,
        state,
      });
      if (outcome === "not_satisfied") {
        const answer = JSON.parse(response.body) as { response_action: string; view: Json };
        expect(answer).toMatchObject({ response_action: "update", view: { callback_id: "escalate_form" } });
      } else {
        expect(response.body).toBe("");
      }
      expect(await db().followUp.findUniqueOrThrow({ where: { id: followUp.id } })).toMatchObject({
        status: "done",
        outcome,
      });
      const logged = await db().interaction.findFirstOrThrow({ where: { requestKey: `followup:${followUp.id}` } });
      expect(logged).toMatchObject({ kind: "feedback", sentiment, outcome: interactionOutcome });
      await app.slack.waitFor("chat.update", (a) => textOf(a).includes("Done."));
      app.clock.advance(2 * DAY);
      await tick();
      expect(dmsTo(AGENT.user).filter((c) => textOf(c.args).includes("Still to do"))).toHaveLength(0);
    },
  );

  it("is not sent twice when Slack posts the DM but answers 500: the next attempt finds it", async () => {
    const followUp = await followUpFor(AGENT, "Twice Co");
    app.clock.advance(DAY + 60_000);
    app.slack.unsettle("chat.postMessage", { serverErrorAfterPosting: 1, seed: 3 });
    await tick(); // posted, but answered 500: nothing marked, the lease is left to run out
    app.slack.calm("chat.postMessage");
    await tick(); // still held
    app.clock.advance(3 * 60_000);
    await tick(); // looks in the DM first, and finds it
    app.clock.advance(60_000);
    await tick();
    const posted = app.slack
      .messagesIn(`D${AGENT.user}`)
      .filter((m) => textOf(m.args).includes("Time to follow up") && textOf(m.args).includes("Twice Co"));
    expect(posted).toHaveLength(1);
    expect(await db().followUp.findUniqueOrThrow({ where: { id: followUp.id } })).toMatchObject({
      notifiedAt: expect.any(Date),
      dmTs: posted[0]?.ts,
    });
    expect(app.slack.callsTo("conversations.history").length).toBeGreaterThan(0);
  });

  it("is set by hand with /rapport followup <customer> <when>: <note>", async () => {
    await answerTo(app, (await app.driver.command("/rapport", "log Initech: hello", AGENT)).responseUrl);
    const answer = await answerTo(
      app,
      (await app.driver.command("/rapport", "followup Initech in 2 days: ask about the invoice", AGENT)).responseUrl,
    );
    expect(answer.text).toContain("Follow-up with *Initech* set for");
    const followUp = await db().followUp.findFirstOrThrow({ where: { note: "ask about the invoice" } });
    expect(Math.abs(followUp.dueAt.getTime() - (app.clock.now().getTime() + 2 * DAY))).toBeLessThan(60_000);
    const usage = await answerTo(
      app,
      (await app.driver.command("/rapport", "followup Initech whenever", AGENT)).responseUrl,
    );
    expect(usage.text).toContain("Usage: `/rapport followup");
  });

  it("keeps a customer name of several words whole before the time, and refuses times out of range", async () => {
    await answerTo(app, (await app.driver.command("/rapport", "log Delta: hello", AGENT)).responseUrl);
    await answerTo(app, (await app.driver.command("/rapport", "log Delta Foods: hello", AGENT)).responseUrl);
    for (const when of ["in 3 days", "next monday"]) {
      const answer = await answerTo(
        app,
        (await app.driver.command("/rapport", `followup Delta Foods ${when}: the order`, AGENT)).responseUrl,
      );
      expect(answer.text, when).toContain("*Delta Foods*");
    }
    expect(await db().followUp.count({ where: { note: "the order", customer: { name: "Delta" } } })).toBe(0);
    expect(await db().followUp.count({ where: { note: "the order", customer: { name: "Delta Foods" } } })).toBe(2);
    for (const when of ["2026-02-30", "0000-01-01", "1900-01-01", "9999-12-31", "in 999 weeks"]) {
      const answer = await answerTo(
        app,
        (await app.driver.command("/rapport", `followup Delta Foods ${when}: out of range`, AGENT)).responseUrl,
      );
      expect(answer.text, when).toMatch(/Usage|Choose a time/);
    }
    expect(await db().followUp.count({ where: { note: "out of range" } })).toBe(0);
    const holiday = await answerTo(
      app,
      (await app.driver.command("/rapport", "holiday 2026-02-30", ADMIN)).responseUrl,
    );
    expect(holiday.text).toContain("is not a day of the calendar");
    expect(await db().holiday.count({ where: { date: new Date("2026-03-02T00:00:00Z") } })).toBe(0);
  });
});
