import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTo, latest, logFormState, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { ADMIN, AGENT, MGR1, setUpWorkspace } from "../support/workspace-setup.js";

const DAY = 24 * 3_600_000;

// The day counts behind retention and follow-ups are workspace settings that
// admins change with /rapport days, and each person can set their own hours.
describe("day counts and personal hours", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  const say = async (who: { user: string; channel: string }, text: string) =>
    String((await answerTo(app, (await app.driver.command("/rapport", text, who)).responseUrl)).text);
  const dmsTo = (user: string, text: string) =>
    app.slack
      .callsTo("chat.postMessage")
      .filter((c) => c.args.channel === user && c.result?.ok && textOf(c.args).includes(text));

  beforeAll(async () => {
    app = await startTestApp();
    await setUpWorkspace(app);
  });
  afterAll(() => app.stop());

  it("lets admins change them, within bounds, and shows them in the settings", async () => {
    expect(await say(ADMIN, "days")).toContain("Now: lapsed 90, complaints 2, window 30, satisfaction 3, manager 3.");
    expect(await say(AGENT, "days lapsed 30")).toContain("Only Rapport admins can do this");
    expect(await say(ADMIN, "days lapsed 0")).toBe("Choose a number from 1 to 3650.");
    expect(await say(ADMIN, "days fortnight 14")).toContain("Usage: `/rapport days");
    expect((await db().workspace.findFirstOrThrow()).lapsedDays).toBe(90);
    expect(await say(ADMIN, "days satisfaction 5")).toBe("Saved: satisfaction = 5.");
    expect(await say(ADMIN, "days manager 1")).toBe("Saved: manager = 1.");
    expect(await say(ADMIN, "days lapsed 30")).toBe("Saved: lapsed = 30.");
    const settings = await answerTo(app, (await app.driver.command("/rapport", "settings", ADMIN)).responseUrl);
    expect(textOf(settings)).toContain("lapsed after 30 days silent");
    expect(textOf(settings)).toContain("satisfaction check 5 days after a resolution");
  });

  it("uses the satisfaction days for a complaint logged as resolved", async () => {
    const opened = app.slack.callsTo("views.open").length;
    await app.driver.command("/rapport", "log", AGENT);
    const view = (await latest(app, "views.open", opened)).args.view as Record<string, unknown>;
    await app.driver.viewSubmission(AGENT, {
      id: "VSETTLED",
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: logFormState({
        customer: "new:Settled Co",
        kind: "complaint",
        summary: "late parcel, refunded",
        outcome: "resolved",
        occurredAt: app.clock.now(),
      }),
    });
    const row = await db().interaction.findFirstOrThrow({
      where: { customer: { name: "Settled Co" } },
      include: { followUps: true },
    });
    expect(row.followUps.map((f) => f.dueAt.getTime() - row.occurredAt.getTime())).toEqual([5 * DAY]);
  });

  it("tells the manager after the set number of days overdue", async () => {
    await say(AGENT, "log Late Co: asked for a call back");
    expect(await say(AGENT, "followup Late Co tomorrow: call back")).toContain("Follow-up with *Late Co* set for");
    app.clock.advance(2 * DAY);
    await app.rapport.scheduler.runNow("follow-ups", app.clock.now()); // the DM
    app.clock.advance(DAY);
    await app.rapport.scheduler.runNow("follow-ups", app.clock.now());
    expect(dmsTo(MGR1.user, "Late Co")).toHaveLength(1);
  });

  it("finds customers lapsed after the set number of days", async () => {
    const workspace = await db().workspace.findFirstOrThrow();
    const agent = await db().member.findFirstOrThrow({ where: { slackUserId: AGENT.user } });
    const customer = await db().customer.create({
      data: { workspaceId: workspace.id, name: "Month Quiet", normalizedName: "month quiet", ownerId: agent.id },
    });
    await db().interaction.create({
      data: {
        workspaceId: workspace.id,
        customerId: customer.id,
        authorId: agent.id,
        kind: "order",
        channel: "phone",
        summary: "last order",
        occurredAt: new Date(app.clock.now().getTime() - 40 * DAY),
      },
    });
    await app.rapport.scheduler.runNow("retention", app.clock.now());
    expect(dmsTo(AGENT.user, "*Month Quiet* is lapsed")).toHaveLength(1);
  });

  it("lets each person set the hours they may be nudged in", async () => {
    expect(await say(AGENT, "myhours 9 to 5")).toContain("Usage: `/rapport myhours");
    expect(await say(AGENT, "myhours 17:00-09:00")).toContain("Usage: `/rapport myhours");
    expect(await say(AGENT, "myhours 07:30-15:30")).toBe(
      "You will be nudged only between 07:30-15:30 (your time zone, on working days).",
    );
    expect(await db().member.findFirstOrThrow({ where: { slackUserId: AGENT.user } })).toMatchObject({
      workDayStart: 450,
      workDayEnd: 930,
    });
    expect(await say(AGENT, "myhours default")).toBe("You will be nudged in the workspace's business hours.");
    expect(await db().member.findFirstOrThrow({ where: { slackUserId: AGENT.user } })).toMatchObject({
      workDayStart: null,
      workDayEnd: null,
    });
  });

  it("nudges a person in their team's hours, unless they set their own", async () => {
    const pad = (h: number) => String(h).padStart(2, "0");
    const hour = app.clock.now().getUTCHours();
    const away = `${pad((hour + 2) % 24)}:00-${pad((hour + 3) % 24 || 24)}:00`;
    expect(await say(ADMIN, "team Support hours 25:00-26:00")).toContain("Set-up (admins)");
    expect(await say(ADMIN, `team Support hours ${away}`)).toContain("Support");
    expect(
      textOf(await answerTo(app, (await app.driver.command("/rapport", "settings", ADMIN)).responseUrl)),
    ).toContain(`🕘 ${away.replace("-", "–")}`);
    await say(AGENT, "log Hours Co: asked for a call");
    await say(AGENT, "followup Hours Co tomorrow: call back");
    app.clock.advance(2 * DAY);
    await app.rapport.scheduler.runNow("follow-ups", app.clock.now());
    expect(dmsTo(AGENT.user, "Hours Co")).toHaveLength(0); // outside the team's hours
    await say(AGENT, "myhours 00:00-24:00");
    await app.rapport.scheduler.runNow("follow-ups", app.clock.now());
    expect(dmsTo(AGENT.user, "Hours Co")).toHaveLength(1); // the person's own hours win
    await say(AGENT, "myhours default");
    await db().team.updateMany({ data: { workDayStart: null, workDayEnd: null } });
  });
});
