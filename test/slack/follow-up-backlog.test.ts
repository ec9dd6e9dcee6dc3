import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answerTo, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { ADMIN, AGENT, MGR1, MGR2, setUpWorkspace } from "../support/workspace-setup.js";

const DAY = 24 * 60 * 60 * 1000;

// More due rows than one batch (100): those that can't be sent now must never hold up one that can.
describe("follow-ups with a backlog", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  const tick = () => app.rapport.scheduler.runNow("follow-ups", app.clock.now());
  const dmsTo = (user: string) =>
    app.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === user && c.result?.ok);
  let workspaceId: string;
  let agentId: string;
  let customerId: string;

  function advanceToUtcHour(hour: number) {
    const now = app.clock.now();
    const target = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour, 5));
    if (target <= now) target.setUTCDate(target.getUTCDate() + 1);
    app.clock.advance(target.getTime() - now.getTime());
  }

  beforeAll(async () => {
    app = await startTestApp();
    await setUpWorkspace(app);
    await answerTo(app, (await app.driver.command("/rapport", "log Backlog Co: hello", AGENT)).responseUrl);
    workspaceId = (await db().workspace.findFirstOrThrow()).id;
    agentId = (await db().member.findFirstOrThrow({ where: { slackUserId: AGENT.user } })).id;
    customerId = (await db().customer.findFirstOrThrow({ where: { name: "Backlog Co" } })).id;
  });
  afterAll(() => app.stop());
  beforeEach(async () => {
    await db().followUp.deleteMany();
    app.slack.calls.length = 0;
  });

  it("DMs a new follow-up although 150 overdue ones were already reminded today (it never was)", async () => {
    const now = app.clock.now();
    await db().followUp.createMany({
      data: Array.from({ length: 150 }, (_, i) => ({
        workspaceId,
        customerId,
        assigneeId: agentId,
        note: `old ${i}`,
        dueAt: new Date(now.getTime() - 2 * DAY - i * 1_000),
        notifiedAt: new Date(now.getTime() - DAY),
        lastRemindedAt: now,
        managerToldAt: now,
      })),
    });
    const fresh = await db().followUp.create({
      data: {
        workspaceId,
        customerId,
        assigneeId: agentId,
        note: "the new one",
        dueAt: new Date(now.getTime() - 60_000),
      },
    });
    await tick();
    await tick();
    expect((await db().followUp.findUniqueOrThrow({ where: { id: fresh.id } })).notifiedAt).not.toBeNull();
    expect(dmsTo(AGENT.user).filter((c) => textOf(c.args).includes("the new one"))).toHaveLength(1);
    // The backlog waits for its next reminder day instead of being read every minute.
    const waiting = await db().followUp.count({
      where: { note: { startsWith: "old " }, nextCheckAt: { gt: app.clock.now() } },
    });
    expect(waiting).toBe(150);
    expect(dmsTo(AGENT.user).filter((c) => textOf(c.args).includes("old "))).toHaveLength(0);
  });

  it("tells managers of an overdue follow-up in their own working hours, not the assignee's", async () => {
    // The managers work 09:00–17:00 in Helsinki (07:00–15:00 UTC in winter); the agent around the clock.
    await db().member.updateMany({
      where: { slackUserId: { in: [MGR1.user, MGR2.user] } },
      data: { timeZone: "Europe/Helsinki", workDayStart: 9 * 60, workDayEnd: 17 * 60 },
    });
    advanceToUtcHour(2); // 04:05 in Helsinki
    const now = app.clock.now();
    await db().followUp.create({
      data: {
        workspaceId,
        customerId,
        assigneeId: agentId,
        note: "long overdue",
        dueAt: new Date(now.getTime() - 5 * DAY),
        notifiedAt: new Date(now.getTime() - 5 * DAY),
        lastRemindedAt: new Date(now.getTime() - DAY),
      },
    });
    await tick();
    const toManagers = () =>
      [...dmsTo(MGR1.user), ...dmsTo(MGR2.user)].filter((c) => textOf(c.args).includes("Backlog Co"));
    expect(dmsTo(AGENT.user).length).toBeGreaterThan(0); // the agent's reminder goes in the agent's hours
    expect(toManagers()).toHaveLength(0);
    advanceToUtcHour(8); // 10:05 in Helsinki
    await tick();
    expect(toManagers()).toHaveLength(2);
    await answerTo(app, (await app.driver.command("/rapport", "hours 00:00-24:00 mon-sun UTC", ADMIN)).responseUrl);
  });
});
