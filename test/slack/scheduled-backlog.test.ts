import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTo } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { AGENT, setUpWorkspace } from "../support/workspace-setup.js";

const HOUR = 60 * 60 * 1000;

// More due rows than one batch (escalation reminders and digests go 50 a tick): each is sent once,
// within as many ticks as the batches need, and nothing is left behind.
describe("scheduled work with more due than one batch", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  let workspaceId: string;

  beforeAll(async () => {
    app = await startTestApp();
    await setUpWorkspace(app);
    await answerTo(app, (await app.driver.command("/rapport", "log Many Co complaint: broken", AGENT)).responseUrl);
    workspaceId = (await db().workspace.findFirstOrThrow()).id;
  });
  afterAll(() => app.stop());

  it("reminds 120 unclaimed escalations in their threads, each once", { timeout: 120_000 }, async () => {
    const interaction = await db().interaction.findFirstOrThrow({ where: { customer: { name: "Many Co" } } });
    const agent = await db().member.findFirstOrThrow({ where: { slackUserId: AGENT.user } });
    const now = app.clock.now().getTime();
    await db().escalation.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        workspaceId,
        interactionId: interaction.id,
        customerId: interaction.customerId,
        raisedById: agent.id,
        reason: `backlog ${i}`,
        requestedAction: "refund",
        channelId: "C0MGRS",
        messageTs: `1700002000.${String(i).padStart(6, "0")}`,
        dueAt: new Date(now - HOUR - i * 1_000),
        handoffAt: new Date(now + 100 * HOUR),
      })),
    });
    for (let tick = 0; tick < 4; tick++) await app.rapport.scheduler.runNow("escalation-deadlines", app.clock.now());
    expect(await db().escalation.count({ where: { reason: { startsWith: "backlog " }, remindedAt: null } })).toBe(0);
    const reminders = app.slack
      .callsTo("chat.postMessage")
      .filter((c) => c.result?.ok && c.args.channel === "C0MGRS" && String(c.args.thread_ts).startsWith("1700002000."));
    expect(new Set(reminders.map((c) => c.args.thread_ts)).size).toBe(120);
    expect(reminders).toHaveLength(120);
  });

  it("sends 60 directors their digest, each once", { timeout: 180_000 }, async () => {
    await db().member.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        workspaceId,
        slackUserId: `U0DIRX${String(i).padStart(3, "0")}`,
        role: "director" as const,
        displayName: `director ${i}`,
      })),
    });
    // To the next Monday 08:05 UTC, a few minutes after the digests' moment.
    const now = app.clock.now();
    const monday = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + ((8 - now.getUTCDay()) % 7 || 7), 8, 5),
    );
    app.clock.advance(monday.getTime() - now.getTime());
    for (let tick = 0; tick < 4; tick++) await app.rapport.scheduler.runNow("digests", app.clock.now());
    const directors = await db().member.findMany({ where: { workspaceId, role: "director" } });
    const sent = await db().digestDelivery.findMany({ where: { workspaceId, sentAt: { not: null } } });
    expect(new Set(sent.map((d) => d.memberId))).toEqual(new Set(directors.map((d) => d.id)));
    const dms = app.slack
      .callsTo("chat.postMessage")
      .filter((c) => c.result?.ok && String(c.args.channel).startsWith("U0DIRX"));
    expect(dms).toHaveLength(60);
    expect(new Set(dms.map((c) => c.args.channel)).size).toBe(60);
  });
});
