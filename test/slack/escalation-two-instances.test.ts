import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import {
  createScratchDatabase,
  POSTGRES_SKIP_REASON,
  type ScratchDatabase,
  TEST_DATABASE_URL,
} from "../support/test-database.js";
import { escalateFromCard, setUpWorkspace } from "../support/workspace-setup.js";

const HOUR = 3_600_000;

describe.skipIf(!TEST_DATABASE_URL)(
  `two instances on one PostgreSQL${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    let scratch: ScratchDatabase;
    let a: TestApp;
    let b: TestApp;

    beforeAll(async () => {
      scratch = await createScratchDatabase();
      [a, b] = await Promise.all([
        startTestApp({ postgresUrl: scratch.url }),
        startTestApp({ postgresUrl: scratch.url }),
      ]);
      await setUpWorkspace(a);
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await scratch?.drop();
    });

    const reminders = () =>
      [a, b]
        .flatMap((app) => app.slack.callsTo("chat.postMessage"))
        .filter((c) => c.result?.ok && textOf(c.args).includes("Still unclaimed"));
    const handoffs = () =>
      [a, b]
        .flatMap((app) => app.slack.callsTo("chat.postMessage"))
        .filter((c) => c.result?.ok && c.args.channel === "U0DIR");

    it("send a deadline reminder, a director hand-off and a follow-up DM once, not once per instance", async () => {
      await escalateFromCard(a, "Acme complaint phone: broken");

      // Both clocks jump past the 8-hour limit; both schedulers fire the same minute, then the next ones.
      for (const app of [a, b]) app.clock.advance(8 * HOUR + 60_000);
      const slot = new Date(Math.floor(a.clock.now().getTime() / 60_000) * 60_000);
      const ran = await Promise.all([
        a.rapport.scheduler.runNow("escalation-deadlines", slot),
        b.rapport.scheduler.runNow("escalation-deadlines", slot),
      ]);
      expect(ran.filter(Boolean)).toHaveLength(1);
      await Promise.all([
        a.rapport.scheduler.runNow("escalation-deadlines", new Date(slot.getTime() + 60_000)),
        b.rapport.scheduler.runNow("escalation-deadlines", new Date(slot.getTime() + 120_000)),
      ]);
      expect(reminders()).toHaveLength(1);

      for (const app of [a, b]) app.clock.advance(8 * HOUR);
      await Promise.all([
        a.rapport.scheduler.runNow("escalation-deadlines", new Date(slot.getTime() + 8 * HOUR + 60_000)),
        b.rapport.scheduler.runNow("escalation-deadlines", new Date(slot.getTime() + 8 * HOUR + 120_000)),
      ]);
      expect(handoffs()).toHaveLength(1);
      expect(reminders()).toHaveLength(1);
      // The satisfaction follow-up of an approved escalation, due later: one DM for the two instances.
      await a.driver.event({
        type: "message",
        channel: "C0MGRS",
        user: "U0MGR1",
        text: "approve ok",
        ts: "1800000300.000001",
        thread_ts: String((await a.rapport.database.prisma.escalation.findFirstOrThrow()).messageTs),
      });
      await expect.poll(async () => a.rapport.database.prisma.followUp.count()).toBe(1);
      for (const app of [a, b]) app.clock.advance(3 * 24 * HOUR + 60_000);
      await Promise.all([
        a.rapport.scheduler.runNow("follow-ups", new Date(slot.getTime() + 1_000)),
        b.rapport.scheduler.runNow("follow-ups", new Date(slot.getTime() + 2_000)),
      ]);
      const followUpDms = [a, b]
        .flatMap((app) => app.slack.callsTo("chat.postMessage"))
        .filter((c) => c.result?.ok && c.args.channel === "U0AGENT" && textOf(c.args).includes("Time to follow up"));
      expect(followUpDms).toHaveLength(1);

      const runs = await a.rapport.database.prisma.jobRun.findMany();
      expect(runs.every((run) => run.finishedAt !== null)).toBe(true);
    });
  },
);
