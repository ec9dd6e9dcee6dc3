// A customer does not wait because the person who owns their follow-up is away: while they are,
// its DM and reminders go to the teammate with the fewest open follow-ups (else a manager), who
// may act on it; once they are back, the reminders come to them again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/absences/absence-range.parser.js";
import { answerTo, button, completeFollowUp, latest, openHome, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { ADMIN, AGENT, MGR1, MGR2, OTHER_MGR, setUpWorkspace } from "../support/workspace-setup.js";

type Json = Record<string, unknown>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BUSY = { user: "U0BUSY", channel: "C0SUPPORT" };
const FREE = { user: "U0FREE", channel: "C0SUPPORT" };

describe("follow-ups while their person is away", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  const tick = () => app.rapport.scheduler.runNow("follow-ups", app.clock.now());
  const say = async (who: { user: string; channel: string }, text: string) =>
    String((await answerTo(app, (await app.driver.command("/rapport", text, who)).responseUrl)).text);
  const dueDms = (user: string) =>
    app.slack
      .callsTo("chat.postMessage")
      .filter((c) => c.args.channel === user && c.result?.ok && textOf(c.args).includes("Time to follow up"));
  const today = () => app.clock.now().toISOString().slice(0, 10);
  /** A follow-up due tomorrow for `who`, on a customer logged first (the command needs a known one). */
  const addFollowUp = async (who: { user: string; channel: string }, customer: string, note: string) => {
    await say(who, `log ${customer} question phone: asked about prices`);
    expect(await say(who, `followup ${customer} tomorrow: ${note}`)).toContain(customer);
  };

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: BUSY.user, name: "bea" });
    app.slack.addUser({ id: FREE.user, name: "fred" });
    await setUpWorkspace(app, ["role <@U0BUSY|bea> agent team Support", "role <@U0FREE|fred> agent team Support"]);
  });
  afterAll(() => app.stop());
  beforeEach(async () => {
    await db().followUp.deleteMany();
    await db().absence.deleteMany();
    app.slack.calls.length = 0;
  });

  it("goes to the present teammate with the fewest open follow-ups, saying for whom, and they may complete it", async () => {
    // Bea already holds two open follow-ups; Fred none.
    await addFollowUp(BUSY, "Initech", "call back");
    await addFollowUp(BUSY, "Hooli", "call back");
    await addFollowUp(AGENT, "Acme", "check the refund arrived");
    await say(AGENT, `away today..${addDays(today(), 4)} holiday`);
    app.clock.advance(DAY + HOUR);
    await tick();

    expect(dueDms(AGENT.user).filter((c) => textOf(c.args).includes("Acme"))).toEqual([]);
    const [dm] = dueDms(FREE.user);
    expect(dm).toBeDefined();
    const text = textOf(dm?.args ?? {});
    expect(text).toContain("Covering for <@U0AGENT>, away until");
    expect(text).toContain("Acme");
    const followUp = await db().followUp.findFirstOrThrow({ where: { note: "check the refund arrived" } });
    expect(followUp.coverId).toBe((await db().member.findFirstOrThrow({ where: { slackUserId: FREE.user } })).id);
    expect(followUp.assigneeId).toBe((await db().member.findFirstOrThrow({ where: { slackUserId: AGENT.user } })).id);

    // Fred completes it; Bea, who was not given it, may not.
    const done = button(dm?.args ?? {}, "follow_up_done");
    const opened = app.slack.callsTo("views.open").length;
    await app.driver.blockAction(BUSY, { action_id: done.action_id, value: done.value });
    await expect
      .poll(() => app.slack.callsTo("chat.postEphemeral").length + app.slack.callsTo("response_url").length)
      .toBeGreaterThan(0);
    expect(app.slack.callsTo("views.open").length).toBe(opened);
    await completeFollowUp(app, FREE, dm?.args ?? {}, "satisfied", "all good");
    await expect
      .poll(async () => (await db().followUp.findUniqueOrThrow({ where: { id: followUp.id } })).status)
      .toBe("done");
    // Done by the cover: what the digest counts as work handled by cover.
    expect((await db().followUp.findUniqueOrThrow({ where: { id: followUp.id } })).completedById).toBe(
      followUp.coverId,
    );
  });

  it("goes to a manager of the team when every teammate is away too, and to the person when nobody is there", async () => {
    await addFollowUp(AGENT, "Globex", "ask about the reorder");
    for (const who of [AGENT, BUSY, FREE]) await say(who, `away tomorrow..${addDays(today(), 3)}`);
    app.clock.advance(DAY + HOUR);
    await tick();
    const toManagers = [...dueDms(MGR1.user), ...dueDms(MGR2.user)];
    expect(toManagers).toHaveLength(1);
    expect(textOf(toManagers[0]?.args ?? {})).toContain("Covering for <@U0AGENT>");

    await db().followUp.deleteMany();
    await addFollowUp(AGENT, "Umbrella", "confirm the delivery date");
    for (const who of [MGR1, MGR2]) await say(ADMIN, `away <@${who.user}> tomorrow..${addDays(today(), 3)}`);
    app.clock.advance(DAY + HOUR);
    await tick();
    const [own] = dueDms(AGENT.user).filter((c) => textOf(c.args).includes("Umbrella"));
    expect(own).toBeDefined();
    expect(textOf(own?.args ?? {})).not.toContain("Covering for");
  });

  it("reminds the cover in the DM's thread while the person is away, and hands the DM back once they are back", async () => {
    await addFollowUp(AGENT, "Soylent", "send the new price list");
    await say(AGENT, `away today..${addDays(today(), 2)}`);
    app.clock.advance(DAY + HOUR);
    await tick();
    const [coverDm, ...more] = [...dueDms(FREE.user), ...dueDms(BUSY.user)];
    expect(more).toEqual([]);
    const cover = String(coverDm?.args.channel);
    const replies = (user: string) =>
      app.slack
        .callsTo("chat.postMessage")
        .filter(
          (c) => c.args.channel === user && c.result?.ok && textOf(c.args).includes("Soylent") && c.args.thread_ts,
        );
    // The next day, still away: the day's reminder goes to the cover, in the thread of the DM they got.
    app.clock.advance(DAY);
    await tick();
    expect(replies(cover)).toHaveLength(1);
    expect(replies(cover)[0]?.args.thread_ts).toBe(coverDm?.result?.ts);
    const soylent = () => db().followUp.findFirstOrThrow({ where: { note: "send the new price list" } });
    expect((await soylent()).coverId).not.toBeNull();

    // Two days on the person is back: the DM comes to them anew (with its buttons, not a reply in
    // a thread of someone else's DM), the cover's DM says it moved on, and the cover holds it no more.
    app.clock.advance(2 * DAY);
    await tick();
    const [back, ...again] = dueDms(AGENT.user).filter((c) => textOf(c.args).includes("Soylent"));
    expect(again).toEqual([]);
    expect(back?.args.thread_ts).toBeUndefined();
    expect(textOf(back?.args ?? {})).not.toContain("Covering for");
    expect(JSON.stringify(back?.args.blocks)).toContain("follow_up_done");
    expect(replies(AGENT.user)).toEqual([]);
    const moved = app.slack.callsTo("chat.update").filter((c) => c.args.ts === coverDm?.result?.ts);
    expect(textOf(moved.at(-1)?.args ?? {})).toContain("Handed to someone else");
    const row = await soylent();
    expect(row.coverId).toBeNull();
    expect(row.dmTs).toBe(back?.result?.ts);
    // The day after, the reminder is a reply in the thread of their own DM.
    app.clock.advance(DAY);
    await tick();
    expect(replies(AGENT.user).map((c) => c.args.thread_ts)).toEqual([back?.result?.ts]);
  });

  it("shows the cover what they hold for whom, and the manager what each cover holds", async () => {
    await addFollowUp(AGENT, "Acme", "check the refund arrived");
    await addFollowUp(AGENT, "Globex", "ask about the reorder");
    await addFollowUp(BUSY, "Initech", "call back");
    await say(AGENT, `away today..${addDays(today(), 4)} cover <@U0FREE|fred>`);
    app.clock.advance(DAY + HOUR);
    await tick();
    expect(dueDms(FREE.user)).toHaveLength(2);

    const cover = await openHome(app, FREE.user);
    expect(cover).toContain("Acme");
    expect(cover).toContain("Globex");
    expect(cover.match(/covering for <@U0AGENT>/g)).toHaveLength(2);
    expect(cover).not.toContain("Initech");
    const manager = await openHome(app, MGR1.user);
    expect(manager).toContain("open follow-ups with <@U0FREE>: *2*");
    // Bea is not away: nothing is listed as held for her.
    expect(manager).not.toContain("<@U0BUSY>: *");
  });

  it("goes to the cover the person named, even a busier one, unless that cover is away too", async () => {
    await addFollowUp(BUSY, "Initech", "call back");
    await addFollowUp(AGENT, "Acme", "check the refund arrived");
    expect(await say(AGENT, `away today..${addDays(today(), 4)} cover <@U0BUSY|bea>`)).toContain(
      "<@U0BUSY> covers meanwhile.",
    );
    app.clock.advance(DAY + 3_600_000);
    await tick();
    expect(dueDms(BUSY.user).filter((c) => textOf(c.args).includes("Acme"))).toHaveLength(1);
    expect(dueDms(FREE.user)).toEqual([]);

    await db().followUp.deleteMany();
    await addFollowUp(AGENT, "Globex", "ask about the reorder");
    await say(BUSY, `away today..${addDays(today(), 4)}`);
    app.clock.advance(DAY + 3_600_000);
    await tick();
    expect(dueDms(FREE.user).filter((c) => textOf(c.args).includes("Globex"))).toHaveLength(1);
  });

  it("lets the team's manager choose the cover of someone who named none, and nobody else's manager", async () => {
    await addFollowUp(BUSY, "Initech", "call back");
    await addFollowUp(AGENT, "Acme", "check the refund arrived");
    await say(AGENT, `away today..${addDays(today(), 4)} holiday`);
    // Another team's manager may not; Abe's manager may, for the days already marked.
    expect(await say(OTHER_MGR, `away <@U0AGENT|abe> today..${addDays(today(), 4)} cover <@U0BUSY|bea>`)).toBe(
      "Only their manager, a director or an admin can mark someone else away.",
    );
    expect(await say(MGR1, `away <@U0AGENT|abe> today..${addDays(today(), 4)} cover <@U0BUSY|bea>`)).toContain(
      "<@U0BUSY> covers meanwhile.",
    );
    const [absence] = await db().absence.findMany();
    expect(absence?.note).toBe("holiday");
    expect(await db().absence.count()).toBe(1);
    app.clock.advance(DAY + HOUR);
    await tick();
    // Bea, though busier than Fred, because the manager chose her.
    expect(dueDms(BUSY.user).filter((c) => textOf(c.args).includes("Acme"))).toHaveLength(1);
    expect(dueDms(FREE.user)).toEqual([]);
  });

  it("refuses the person themselves or a director as their cover, and lists the cover named", async () => {
    expect(await say(AGENT, "away tomorrow cover <@U0AGENT|abe>")).toBe(
      "Name a teammate or a manager to cover, not the person who is away (nor a director).",
    );
    expect(await say(AGENT, "away tomorrow cover <@U0DIR|dora>")).toBe(
      "Name a teammate or a manager to cover, not the person who is away (nor a director).",
    );
    expect(await db().absence.count()).toBe(0);
    await say(AGENT, "away tomorrow holiday cover <@U0FREE|fred>");
    const [absence] = await db().absence.findMany();
    expect(absence?.note).toBe("holiday");
    const list = await answerTo(app, (await app.driver.command("/rapport", "away", MGR1)).responseUrl);
    expect(textOf(list)).toContain("<@U0FREE> covers meanwhile.");
  });

  describe("reassigned without choosing anyone", () => {
    /** Opens Reassign under `who`'s due DM for `customer` and submits it with `user` chosen (or nobody). */
    const reassign = async (who: { user: string; channel: string }, customer: string, user: string | null) => {
      const [dm] = dueDms(who.user).filter((c) => textOf(c.args).includes(customer));
      const reassignButton = button(dm?.args ?? {}, "follow_up_reassign");
      const opened = app.slack.callsTo("views.open").length;
      await app.driver.blockAction(who, { action_id: reassignButton.action_id, value: reassignButton.value });
      const form = (await latest(app, "views.open", opened)).args.view as Json;
      expect(JSON.stringify(form)).toContain(
        "Leave empty to hand it to the teammate at work with the least open work.",
      );
      const response = await app.driver.viewSubmission(who, {
        id: `VREASSIGN${customer}`,
        callback_id: form.callback_id,
        private_metadata: form.private_metadata,
        state: { values: { assignee: { assignee_input: { type: "users_select", selected_user: user } } } },
      });
      const body = String(response.body ?? "");
      return (body ? JSON.parse(body) : {}) as Json;
    };
    const assigneeOf = async (note: string) =>
      (
        await db().member.findUniqueOrThrow({
          where: { id: (await db().followUp.findFirstOrThrow({ where: { note } })).assigneeId },
        })
      ).slackUserId;

    it("goes to the teammate at work with the least open work, skipping those away", async () => {
      await addFollowUp(BUSY, "Initech", "call back");
      await addFollowUp(AGENT, "Acme", "check the refund arrived");
      await addFollowUp(AGENT, "Globex", "ask about the reorder");
      app.clock.advance(DAY + HOUR);
      await tick();
      // Fred holds nothing, Bea one: Acme goes to Fred.
      expect(await reassign(AGENT, "Acme", null)).toEqual({});
      await expect.poll(() => assigneeOf("check the refund arrived")).toBe(FREE.user);
      // Fred is away now: Globex goes to Bea although she holds more.
      await say(FREE, `away today..${addDays(today(), 2)}`);
      expect(await reassign(AGENT, "Globex", null)).toEqual({});
      await expect.poll(() => assigneeOf("ask about the reorder")).toBe(BUSY.user);
    });

    it("asks for someone when nobody else in the team is at work, and changes nothing", async () => {
      await addFollowUp(AGENT, "Umbrella", "confirm the delivery date");
      app.clock.advance(DAY + HOUR);
      await tick();
      for (const who of [BUSY, FREE]) await say(who, `away today..${addDays(today(), 2)}`);
      expect(await reassign(AGENT, "Umbrella", null)).toEqual({
        response_action: "errors",
        errors: { assignee: "Nobody else in the team is at work to take it. Choose someone." },
      });
      expect(await assigneeOf("confirm the delivery date")).toBe(AGENT.user);
      // Naming someone still works, away or not.
      expect(await reassign(AGENT, "Umbrella", BUSY.user)).toEqual({});
      await expect.poll(() => assigneeOf("confirm the delivery date")).toBe(BUSY.user);
    });
  });
});
