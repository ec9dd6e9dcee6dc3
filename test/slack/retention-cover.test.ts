// Retention nudges while people are away: an owner's nudge goes to their cover, saying for whom;
// a team's managers who are away are left out, unless all of them are.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/absences/absence-range.parser.js";
import { answerTo, button, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { ADMIN, AGENT, MGR1, MGR2, setUpWorkspace } from "../support/workspace-setup.js";

const DAY = 24 * 3_600_000;
const MATE = { user: "U0MATE", channel: "C0SUPPORT" };

describe("retention nudges while people are away", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  const run = () => app.rapport.scheduler.runNow("retention", app.clock.now());
  const say = async (who: { user: string; channel: string }, text: string) =>
    String((await answerTo(app, (await app.driver.command("/rapport", text, who)).responseUrl)).text);
  const nudgesTo = (user: string, customer: string) =>
    app.slack
      .callsTo("chat.postMessage")
      .filter((c) => c.result?.ok && c.args.channel === user && textOf(c.args).includes(`*${customer}*`));
  const today = () => app.clock.now().toISOString().slice(0, 10);

  /** A customer last heard from 100 days ago (lapsed), owned by the agent or by nobody. */
  async function lapsed(name: string, owned: boolean) {
    const workspace = await db().workspace.findFirstOrThrow();
    const agent = await db().member.findFirstOrThrow({ where: { slackUserId: AGENT.user } });
    const customer = await db().customer.create({
      data: { workspaceId: workspace.id, name, normalizedName: name.toLowerCase(), ownerId: owned ? agent.id : null },
    });
    await db().interaction.create({
      data: {
        workspaceId: workspace.id,
        customerId: customer.id,
        authorId: agent.id,
        kind: "question",
        channel: "phone",
        summary: "asked about prices",
        occurredAt: new Date(app.clock.now().getTime() - 100 * DAY),
      },
    });
  }

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: MATE.user, name: "mate" });
    await setUpWorkspace(app, ["role <@U0MATE|mate> agent team Support"]);
  });
  afterAll(() => app.stop());
  beforeEach(async () => {
    await db().customerCondition.deleteMany();
    await db().interaction.deleteMany();
    await db().customer.deleteMany();
    await db().absence.deleteMany();
    app.slack.calls.length = 0;
  });

  it("sends an away owner's nudge to their cover, once, saying for whom", async () => {
    await lapsed("Quiet Co", true);
    await say(AGENT, `away today..${addDays(today(), 5)}`);
    await run();
    await run();
    expect(nudgesTo(AGENT.user, "Quiet Co")).toEqual([]);
    const nudges = nudgesTo(MATE.user, "Quiet Co");
    expect(nudges).toHaveLength(1);
    expect(textOf(nudges[0]?.args ?? {})).toContain("Covering for <@U0AGENT>, away until");
  });

  it("brings a nudge the cover left open back to the owner when they return, once; not one the cover handled", async () => {
    await lapsed("Quiet Co", true);
    await lapsed("Handled Co", true);
    await say(AGENT, `away today..${addDays(today(), 2)}`);
    await run();
    expect(nudgesTo(MATE.user, "Quiet Co")).toHaveLength(1);
    expect(nudgesTo(MATE.user, "Handled Co")).toHaveLength(1);
    // The cover marks one churned (its nudge's button); the other stays open.
    const churned = button(nudgesTo(MATE.user, "Handled Co")[0]?.args ?? {}, "retention_churned");
    await app.driver.blockAction(MATE, { action_id: churned.action_id, value: churned.value });
    await expect
      .poll(async () => (await db().customer.findFirstOrThrow({ where: { name: "Handled Co" } })).status)
      .toBe("churned");

    // Still away the next day: nothing more for anyone.
    app.clock.advance(DAY);
    await run();
    expect(nudgesTo(AGENT.user, "Quiet Co")).toEqual([]);
    // The absence is extended: the cover holds it, and is not nudged again for it.
    await say(AGENT, `away today..${addDays(today(), 3)}`);
    app.clock.advance(2 * DAY);
    await run();
    expect(nudgesTo(MATE.user, "Quiet Co")).toHaveLength(1);
    expect(nudgesTo(AGENT.user, "Quiet Co")).toEqual([]);

    // Back: the open one comes to the owner (without a covering line), once; the handled one does not.
    app.clock.advance(3 * DAY);
    await run();
    await run();
    const back = nudgesTo(AGENT.user, "Quiet Co");
    expect(back).toHaveLength(1);
    expect(textOf(back[0]?.args ?? {})).not.toContain("Covering for");
    expect(nudgesTo(AGENT.user, "Handled Co")).toEqual([]);
    expect(nudgesTo(MATE.user, "Quiet Co")).toHaveLength(1);
    const row = await db().customerCondition.findFirstOrThrow({ where: { customer: { name: "Quiet Co" } } });
    expect(row.coverId).toBeNull();
    expect(row.handBackAt).toBeNull();
  });

  it("leaves away managers out of an owner-less customer's nudge, unless every one of them is away", async () => {
    await lapsed("Nobody's Ltd", false);
    await say(ADMIN, `away <@${MGR1.user}> today..${addDays(today(), 5)}`);
    await run();
    expect(nudgesTo(MGR1.user, "Nobody's Ltd")).toEqual([]);
    expect(nudgesTo(MGR2.user, "Nobody's Ltd")).toHaveLength(1);

    await db().customerCondition.deleteMany();
    await db().customer.deleteMany();
    await lapsed("Everyone Away", false);
    await say(ADMIN, `away <@${MGR2.user}> today..${addDays(today(), 5)}`);
    app.slack.calls.length = 0;
    await run();
    // Nothing is lost: with the whole team's management away, both still hear of it.
    expect(nudgesTo(MGR1.user, "Everyone Away")).toHaveLength(1);
    expect(nudgesTo(MGR2.user, "Everyone Away")).toHaveLength(1);
  });
});
