// Escalation reminders while managers are away: an away manager is not named; when every manager
// of the team is away the director is told at once, saying why, instead of after twice the limit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/absences/absence-range.parser.js";
import { answerTo, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { ADMIN, DIRECTOR, escalateFromCard, MGR1, MGR2, setUpWorkspace } from "../support/workspace-setup.js";

const HOUR = 3_600_000;

describe("escalations while managers are away", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  const tick = () => app.rapport.scheduler.runNow("escalation-deadlines", app.clock.now());
  const say = async (who: { user: string; channel: string }, text: string) =>
    String((await answerTo(app, (await app.driver.command("/rapport", text, who)).responseUrl)).text);
  const today = () => app.clock.now().toISOString().slice(0, 10);
  const thread = (ts: string) => app.slack.callsTo("chat.postMessage").filter((c) => c.args.thread_ts === ts);
  const toDirector = () =>
    app.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === DIRECTOR && c.result?.ok);

  beforeAll(async () => {
    app = await startTestApp();
    await setUpWorkspace(app);
  });
  afterAll(() => app.stop());
  beforeEach(async () => {
    await db().followUp.deleteMany();
    await db().escalation.deleteMany();
    await db().interaction.deleteMany();
    await db().absence.deleteMany();
    app.slack.calls.length = 0;
  });

  it("names only the managers who are at work in the reminder", async () => {
    await say(ADMIN, `away <@${MGR1.user}> today..${addDays(today(), 3)}`);
    const { messageTs } = await escalateFromCard(app, "Acme complaint: broken on arrival");
    app.clock.advance(8 * HOUR + 60_000);
    await tick();
    const [reminder] = thread(String(messageTs)).filter((c) => textOf(c.args).includes("Still unclaimed"));
    expect(textOf(reminder?.args ?? {})).toContain("<@U0MGR2>");
    expect(textOf(reminder?.args ?? {})).not.toContain("<@U0MGR1>");
    expect(toDirector()).toEqual([]);
  });

  it("tells the director at once when every manager of the team is away, saying so, and only once", async () => {
    for (const manager of [MGR1, MGR2]) await say(ADMIN, `away <@${manager.user}> today..${addDays(today(), 3)}`);
    const { messageTs } = await escalateFromCard(app, "Globex complaint: refund never came");
    await tick();
    await tick();
    const dms = toDirector();
    expect(dms).toHaveLength(1);
    expect(textOf(dms[0]?.args ?? {})).toContain("while every manager of its team is away");
    const lines = thread(String(messageTs)).map((c) => textOf(c.args));
    expect(lines.some((l) => l.includes("every manager of the team is away"))).toBe(true);
    expect(lines.some((l) => l.includes("Still unclaimed"))).toBe(false);
    app.clock.advance(20 * HOUR);
    await tick();
    expect(toDirector()).toHaveLength(1);
  });
});
