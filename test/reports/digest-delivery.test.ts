// The weekly digest goes to each person once per week: across two instances on
// one PostgreSQL, across a restart, and late (marked so) after the app was down.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIGEST_EVENT } from "../../src/slack/digest-notifier.js";
import { textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import {
  createScratchDatabase,
  POSTGRES_SKIP_REASON,
  type ScratchDatabase,
  TEST_DATABASE_URL,
} from "../support/test-database.js";
import { DIRECTOR, MGR1, MGR2, OTHER_MGR, setUpWorkspace } from "../support/workspace-setup.js";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const digestsIn = (apps: TestApp[]) =>
  apps
    .flatMap((app) => app.slack.callsTo("chat.postMessage"))
    .filter(
      (c) => c.result?.ok && (c.args.metadata as { event_type?: string } | undefined)?.event_type === DIGEST_EVENT,
    );

describe.skipIf(!TEST_DATABASE_URL)(
  `weekly digest delivery${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    let scratch: ScratchDatabase;
    let a: TestApp;
    let b: TestApp;
    let c: TestApp | undefined;

    beforeAll(async () => {
      scratch = await createScratchDatabase();
      [a, b] = await Promise.all([
        startTestApp({ postgresUrl: scratch.url }),
        startTestApp({ postgresUrl: scratch.url }),
      ]);
      await setUpWorkspace(a);
      const prisma = a.rapport.database.prisma;
      // Everyone has been here a month; the digest's moment was five minutes ago (UTC, everyone's zone here).
      const moment = new Date(a.clock.now().getTime() - 5 * MIN);
      await prisma.member.updateMany({ data: { createdAt: new Date(Date.now() - 30 * DAY) } });
      await prisma.workspace.updateMany({
        data: {
          digestWeekday: ((moment.getUTCDay() + 6) % 7) + 1,
          digestMinute: moment.getUTCHours() * 60 + moment.getUTCMinutes(),
          digestForManagers: true,
        },
      });
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop(), c?.stop()]);
      await scratch?.drop();
    });

    it("two instances ticking at once send each director and manager one digest, on time", async () => {
      const slot = new Date(Math.floor(a.clock.now().getTime() / MIN) * MIN);
      // Different slots, so both jobs run: the rows themselves must keep them from sending twice.
      await Promise.all([
        a.rapport.scheduler.runNow("digests", slot),
        b.rapport.scheduler.runNow("digests", new Date(slot.getTime() + 1)),
        a.rapport.scheduler.runNow("digests", new Date(slot.getTime() + 2)),
      ]);
      const sent = digestsIn([a, b]);
      expect(sent.map((m) => m.args.channel).sort()).toEqual([DIRECTOR, MGR1.user, MGR2.user, OTHER_MGR.user].sort());
      for (const message of sent) {
        expect(textOf(message.args)).toContain("A quiet week");
        expect(textOf(message.args)).not.toContain("Sent late");
      }
      const rows = await a.rapport.database.prisma.digestDelivery.findMany();
      expect(rows).toHaveLength(4);
      expect(rows.every((r) => r.sentAt !== null && r.ts !== null && !r.late)).toBe(true);
    });

    it("after a restart nothing is sent again; a week missed while down is sent late, once", async () => {
      await a.stop();
      c = await startTestApp({ postgresUrl: scratch.url });
      await c.rapport.scheduler.runNow("digests", new Date(Math.floor(c.clock.now().getTime() / MIN) * MIN + 5));
      expect(digestsIn([c])).toHaveLength(0);

      // The app is down for a week: the next moment passes with nobody running.
      b.slack.calls.length = 0;
      for (const app of [b, c]) app.clock.advance(7 * DAY + 2 * 60 * MIN);
      const slot = Math.floor(c.clock.now().getTime() / MIN) * MIN;
      await Promise.all([
        c.rapport.scheduler.runNow("digests", new Date(slot)),
        b.rapport.scheduler.runNow("digests", new Date(slot + 1)),
      ]);
      await c.rapport.scheduler.runNow("digests", new Date(slot + 2));
      const late = digestsIn([b, c]);
      expect(late.map((m) => m.args.channel).sort()).toEqual([DIRECTOR, MGR1.user, MGR2.user, OTHER_MGR.user].sort());
      for (const message of late) expect(textOf(message.args)).toContain("Sent late");
      const weeks = await c.rapport.database.prisma.digestDelivery.groupBy({ by: ["week"], _count: true });
      expect(weeks).toHaveLength(2);
    });
  },
);
