// Escalation deadlines met: the manager's Home tab lists what will miss its deadline within two
// business hours (soonest first, their team only), the digest says the share met, and the export
// says of each whether it was answered and decided in time.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openHome, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { AGENT, DIRECTOR, escalateFromCard, MGR1, OTHER_MGR, setUpWorkspace } from "../support/workspace-setup.js";

const MINUTE = 60_000;
const DIR = { user: DIRECTOR, channel: "C0DIRS" };

describe("escalation deadlines", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  /** The last answer to a command, after any "working on it" note. */
  const ask = async (who: { user: string; channel: string }, text: string) => {
    const path = new URL((await app.driver.command("/rapport", text, who)).responseUrl).pathname;
    await app.slack.waitFor("response_url", (args) => args.url === path && !/⏳/.test(textOf(args)));
    return (
      app.slack
        .callsTo("response_url")
        .filter((c) => c.args.url === path)
        .at(-1)?.args ?? {}
    );
  };
  const at = (minutes: number) => new Date(app.clock.now().getTime() + minutes * MINUTE);
  /** An escalation for `customer` whose claim deadline is `minutes` from now (negative: passed). */
  const escalation = async (customer: string, minutes: number, claimed = false) => {
    const e = await escalateFromCard(app, `${customer} complaint phone: broken`);
    const manager = await db().member.findFirstOrThrow({ where: { slackUserId: MGR1.user } });
    await db().escalation.update({
      where: { id: e.id },
      data: {
        dueAt: at(minutes),
        handoffAt: at(minutes + 480),
        ...(claimed ? { status: "claimed", claimedById: manager.id } : {}),
      },
    });
    if (claimed)
      await db().escalationEvent.create({
        data: { escalationId: e.id, toStatus: "claimed", actorId: manager.id, createdAt: app.clock.now() },
      });
    return e;
  };

  beforeAll(async () => {
    app = await startTestApp();
    await setUpWorkspace(app);
  });
  afterAll(() => app.stop());

  it("lists for the team's manager what will miss its deadline in the next two business hours, soonest first", async () => {
    // Five of the Support team's: two due within two hours, one of them claimed, one later, one missed.
    await escalation("Soonest Co", 10);
    await escalation("Later Co", 90);
    await escalation("Claimed Co", 30, true);
    await escalation("Far Co", 300);
    await escalation("Missed Co", -60);
    const home = await openHome(app, MGR1.user);
    const section = home.slice(home.indexOf("About to miss their deadline"));
    expect(section).toContain("Soonest Co");
    expect(section.indexOf("Soonest Co")).toBeLessThan(section.indexOf("Later Co"));
    const listed = section.slice(0, section.indexOf("Later Co") + 200);
    for (const absent of ["Claimed Co", "Far Co", "Missed Co"]) expect(listed).not.toContain(absent);
    // Not on an agent's tab, nor on another team's manager's.
    expect(await openHome(app, AGENT.user)).not.toContain("About to miss their deadline");
    expect(await openHome(app, OTHER_MGR.user)).not.toContain("About to miss their deadline");
  });

  it("says in the export whether each was answered and decided in time", async () => {
    const answer = await ask(DIR, "export week");
    expect(textOf(answer)).not.toContain("Sorry");
    const file = [...app.slack.files.values()].find(
      (f) => f.channelId === `D${DIRECTOR}` && /escalations/.test(f.filename),
    );
    expect(file).toBeDefined();
    const rows = parse(
      Buffer.from(file?.bytes ?? [])
        .subarray(3)
        .toString("utf8"),
      { columns: true },
    ) as Array<Record<string, string>>;
    const of = (customer: string) => rows.find((r) => r.customer === customer);
    expect(of("Claimed Co")?.answered_in_time).toBe("yes");
    expect(of("Missed Co")?.answered_in_time).toBe("no");
    expect(of("Soonest Co")?.answered_in_time).toBe("");
    expect(of("Soonest Co")?.decided_in_time).toBe("");
  });

  it("gives the share of deadlines met in the digest", async () => {
    // Past every deadline: of the five (four, when one fell in last week), one was answered in time.
    app.clock.advance(301 * MINUTE);
    const answer = textOf(await ask(DIR, "digest week"));
    const [, of, claimed] = /Deadlines met \(of (\d+)\): claimed \*(\d+)%\*/.exec(answer) ?? [];
    expect([5, 4]).toContain(Number(of));
    expect(Number(claimed)).toBe(Math.round(100 / Number(of)));
  });
});
