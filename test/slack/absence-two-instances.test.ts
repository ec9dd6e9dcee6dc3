// Two instances on one PostgreSQL send a backlog of follow-ups (more than one batch) while their
// person goes away, and remind them while the person comes back: each DM and each day's reminder
// goes once, to whoever holds the follow-up at that moment, never lost and never twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/absences/absence-range.parser.js";
import { FakeSlack } from "../../src/slack-stand-in/fake-slack.js";
import { answerTo, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import {
  createScratchDatabase,
  POSTGRES_SKIP_REASON,
  type ScratchDatabase,
  TEST_DATABASE_URL,
} from "../support/test-database.js";
import { AGENT, setUpWorkspace } from "../support/workspace-setup.js";

const DAY = 86_400_000;
const FOLLOW_UPS = 240;
const FREE = { user: "U0FREE", channel: "C0SUPPORT" };
const noteOf = (i: number) => `backlog item ${String(i).padStart(3, "0")}.`;

describe.skipIf(!TEST_DATABASE_URL)(
  `someone goes away while two instances send their follow-ups${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    let scratch: ScratchDatabase;
    let a: TestApp;
    let b: TestApp;
    let slack: FakeSlack;
    let minute = 0;
    const db = () => a.rapport.database.prisma;
    /** One follow-up tick on each instance at once, each in a minute of its own. */
    const tickBoth = () => {
      const slot = (k: number) => new Date(Math.floor(a.clock.now().getTime() / 60_000) * 60_000 + k * 60_000);
      minute += 2;
      return Promise.all([
        a.rapport.scheduler.runNow("follow-ups", slot(minute)),
        b.rapport.scheduler.runNow("follow-ups", slot(minute + 1)),
      ]);
    };
    const posted = () => slack.callsTo("chat.postMessage").filter((c) => c.result?.ok);
    const say = async (text: string) =>
      String((await answerTo(a, (await a.driver.command("/rapport", text, AGENT)).responseUrl)).text);
    /** For each follow-up's note, the calls that carry it. */
    const byNote = (calls: ReturnType<typeof posted>) => {
      const found = new Map<string, typeof calls>();
      for (const call of calls) {
        const note = /backlog item \d{3}\./.exec(textOf(call.args))?.[0];
        if (note) found.set(note, [...(found.get(note) ?? []), call]);
      }
      return found;
    };
    /** Ticks both instances with `during` started once the first message of the round is out. */
    async function roundsWhile(during: () => Promise<unknown>, sentSoFar: () => number) {
      const before = sentSoFar();
      const first = tickBoth();
      await expect.poll(sentSoFar, { interval: 5, timeout: 20_000 }).toBeGreaterThan(before);
      await Promise.all([first, during()]);
    }

    beforeAll(async () => {
      scratch = await createScratchDatabase();
      // One Slack for both, as in production: one history, one space of message timestamps.
      slack = await new FakeSlack().start();
      [a, b] = await Promise.all([
        startTestApp({ postgresUrl: scratch.url, slack }),
        startTestApp({ postgresUrl: scratch.url, slack }),
      ]);
      slack.now = () => a.clock.now().getTime();
      a.slack.addUser({ id: FREE.user, name: "fred" });
      await setUpWorkspace(a, ["role <@U0FREE|fred> agent team Support"]);
      await say("log Backlog Co question phone: asked about prices");
      const workspaceId = (await db().workspace.findFirstOrThrow()).id;
      const assigneeId = (await db().member.findFirstOrThrow({ where: { slackUserId: AGENT.user } })).id;
      const customerId = (await db().customer.findFirstOrThrow({ where: { name: "Backlog Co" } })).id;
      const now = a.clock.now();
      await db().followUp.createMany({
        data: Array.from({ length: FOLLOW_UPS }, (_, i) => ({
          workspaceId,
          customerId,
          assigneeId,
          note: noteOf(i),
          dueAt: new Date(now.getTime() - 3_600_000 - i * 1_000),
        })),
      });
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await slack?.stop();
      await scratch?.drop();
    });

    it("sends each due DM once, to the person before they went away and to their cover after", async () => {
      const dms = () => posted().filter((c) => textOf(c.args).includes("Time to follow up") && !c.args.thread_ts);
      // The person marks themselves away once the first DMs are out, while both instances send.
      await roundsWhile(
        () => say(`away today..${addDays(a.clock.now().toISOString().slice(0, 10), 3)} holiday`),
        () => dms().length,
      );
      for (let round = 0; round < 10 && (await db().followUp.count({ where: { notifiedAt: null } })) > 0; round++)
        await tickBoth();

      expect(await db().followUp.count({ where: { notifiedAt: null } })).toBe(0);
      const sent = byNote(dms());
      expect(sent.size).toBe(FOLLOW_UPS);
      expect([...sent.values()].filter((calls) => calls.length !== 1)).toEqual([]);
      const to = (user: string) => dms().filter((c) => c.args.channel === user);
      // Some went out before the absence, the rest (more than one batch) after it, to the cover.
      expect(to(AGENT.user).length).toBeGreaterThan(0);
      expect(to(FREE.user).length).toBeGreaterThan(0);
      expect(to(AGENT.user).length + to(FREE.user).length).toBe(FOLLOW_UPS);
      for (const call of to(FREE.user)) expect(textOf(call.args)).toContain("Covering for <@U0AGENT>");
      for (const call of to(AGENT.user)) expect(textOf(call.args)).not.toContain("Covering for");
      // Each row says who holds its DM, as the DM went.
      const fred = await db().member.findFirstOrThrow({ where: { slackUserId: FREE.user } });
      const rows = await db().followUp.findMany({ select: { note: true, coverId: true, dmTs: true } });
      for (const row of rows) {
        const [call] = sent.get(row.note) ?? [];
        expect(row.coverId).toBe(call?.args.channel === FREE.user ? fred.id : null);
        expect(row.dmTs).toBe(call?.result?.ts);
      }
    });

    it("gives each the day's reminder once while the person comes back: to the cover before, to them after", async () => {
      const fred = await db().member.findFirstOrThrow({ where: { slackUserId: FREE.user } });
      const held = await db().followUp.findMany({ select: { note: true, dmTs: true } });
      const noteInThread = new Map(held.map((r) => [r.dmTs, r.note]));
      for (const app of [a, b]) app.clock.advance(DAY);
      const before = posted().length;
      const today = () => posted().slice(before);
      /** The follow-up a post is about: a reply in its DM's thread, or its DM anew. */
      const noteOfPost = (c: ReturnType<typeof posted>[number]) =>
        c.args.thread_ts
          ? noteInThread.get(String(c.args.thread_ts))
          : /backlog item \d{3}\./.exec(textOf(c.args))?.[0];
      const aboutFollowUps = () => today().filter((c) => noteOfPost(c) !== undefined);
      // The person says they are back once the first reminders are out, while both instances send.
      await roundsWhile(
        () => say("away off"),
        () => aboutFollowUps().length,
      );
      for (let round = 0; round < 10; round++) {
        const waiting = await db().followUp.count({
          where: { lastRemindedAt: { lt: new Date(a.clock.now().getTime() - DAY / 2) } },
        });
        if (waiting === 0) break;
        await tickBoth();
      }
      const posts = new Map<string, ReturnType<typeof posted>>();
      for (const c of aboutFollowUps()) {
        const note = noteOfPost(c) as string;
        posts.set(note, [...(posts.get(note) ?? []), c]);
      }
      expect(posts.size).toBe(FOLLOW_UPS);
      expect([...posts.values()].filter((calls) => calls.length !== 1)).toEqual([]);
      const rows = await db().followUp.findMany({ select: { note: true, coverId: true, dmTs: true } });
      for (const row of rows) {
        const [call] = posts.get(row.note) ?? [];
        const channel = call?.args.channel;
        expect([AGENT.user, FREE.user]).toContain(channel);
        // Whoever got the day's reminder holds the follow-up now: a reply in the thread of the DM
        // they have, or (the DM was with the other one) the DM anew.
        expect(row.coverId).toBe(channel === FREE.user ? fred.id : null);
        expect(row.dmTs).toBe(call?.args.thread_ts ?? call?.result?.ts);
        if (channel === FREE.user) expect(textOf(call?.args ?? {})).toContain("Covering for <@U0AGENT>");
        else expect(textOf(call?.args ?? {})).not.toContain("Covering for");
      }
      // Some were still reminded to the cover before the person came back; the DMs the cover held
      // when they did came back to the person.
      const handedBack = aboutFollowUps().filter((c) => c.args.channel === AGENT.user && !c.args.thread_ts);
      expect(aboutFollowUps().filter((c) => c.args.channel === FREE.user).length).toBeGreaterThan(0);
      expect(handedBack.length).toBeGreaterThan(0);
      expect(
        await db().absence.count({
          where: { endsOn: { gte: new Date(`${a.clock.now().toISOString().slice(0, 10)}T00:00:00Z`) } },
        }),
      ).toBe(0);
    });
  },
);
