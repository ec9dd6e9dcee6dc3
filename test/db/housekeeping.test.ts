import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

const HOUR = 60 * 60 * 1000;

// JobRun and ProcessedDelivery grew for ever: the hourly housekeeping forgets what is no longer needed.
describe("housekeeping", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it("forgets deliveries older than a day and job claims older than a week, in slices, and keeps the rest", async () => {
    const now = app.clock.now().getTime();
    await db().processedDelivery.createMany({
      data: Array.from({ length: 12_000 }, (_, i) => ({
        key: `event:old${i}`,
        createdAt: new Date(now - 25 * HOUR - i),
      })),
    });
    await db().processedDelivery.create({ data: { key: "event:recent", createdAt: new Date(now - HOUR) } });
    await db().jobRun.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({
        jobName: "follow-ups",
        scheduledFor: new Date(now - 8 * 24 * HOUR - i * 60_000),
        instanceId: "gone",
      })),
    });
    await db().jobRun.create({ data: { jobName: "follow-ups", scheduledFor: new Date(now - HOUR), instanceId: "x" } });

    expect(await app.rapport.scheduler.runNow("housekeeping", app.clock.now())).toBe(true);

    expect(await db().processedDelivery.count({ where: { key: { startsWith: "event:old" } } })).toBe(0);
    expect(await db().processedDelivery.count({ where: { key: "event:recent" } })).toBe(1);
    expect(await db().jobRun.count({ where: { instanceId: "gone" } })).toBe(0);
    expect(await db().jobRun.count({ where: { instanceId: "x" } })).toBe(1);
  });

  it("forgets Idempotency-Keys after a week and finished webhook deliveries after a month, never a pending one", async () => {
    const now = app.clock.now().getTime();
    const workspace = await db().workspace.create({ data: { slackTeamId: "T0KEEP" } });
    await db().apiRequest.createMany({
      data: [
        {
          workspaceId: workspace.id,
          key: "old",
          fingerprint: "f",
          status: 201,
          createdAt: new Date(now - 8 * 24 * HOUR),
        },
        { workspaceId: workspace.id, key: "new", fingerprint: "f", status: 201, createdAt: new Date(now - HOUR) },
      ],
    });
    const hook = await db().webhook.create({
      data: {
        workspaceId: workspace.id,
        url: "https://example.com/h",
        secret: "s",
        events: [],
        createdById: workspace.id,
      },
    });
    const old = new Date(now - 31 * 24 * HOUR);
    await db().webhookDelivery.createMany({
      data: ["delivered", "failed", "pending"].map((status) => ({
        webhookId: hook.id,
        workspaceId: workspace.id,
        event: "interaction.logged",
        payload: {},
        status,
        nextAttemptAt: old,
        createdAt: old,
      })),
    });
    expect(await app.rapport.scheduler.runNow("housekeeping", new Date(now + HOUR))).toBe(true);
    expect((await db().apiRequest.findMany()).map((r) => r.key)).toEqual(["new"]);
    expect((await db().webhookDelivery.findMany()).map((d) => d.status)).toEqual(["pending"]);
  });
});
