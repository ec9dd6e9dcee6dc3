// A campaign's customers without an owner are handed out in turn to the team's agents at work,
// least open work first, instead of all to the manager who started it; nobody away gets any.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/absences/absence-range.parser.js";
import { answerTo, campaignFormState, latest } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { ADMIN, AGENT, MGR1, setUpWorkspace } from "../support/workspace-setup.js";

const DAY = 24 * 3_600_000;
const BUSY = { user: "U0BUSY", channel: "C0SUPPORT" };
const AWAY = { user: "U0AWAY", channel: "C0SUPPORT" };
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

describe("handing out a campaign's customers without an owner", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  const say = async (who: { user: string; channel: string }, text: string) =>
    String((await answerTo(app, (await app.driver.command("/rapport", text, who)).responseUrl)).text);

  async function lapsedCustomer(name: string) {
    const workspace = await db().workspace.findFirstOrThrow();
    const author = await db().member.findFirstOrThrow({ where: { slackUserId: AGENT.user } });
    const customer = await db().customer.create({
      data: { workspaceId: workspace.id, name, normalizedName: name.toLowerCase() },
    });
    await db().interaction.create({
      data: {
        workspaceId: workspace.id,
        customerId: customer.id,
        authorId: author.id,
        kind: "question",
        channel: "phone",
        summary: "earlier contact",
        occurredAt: new Date(app.clock.now().getTime() - 120 * DAY),
      },
    });
  }

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: BUSY.user, name: "bea" });
    app.slack.addUser({ id: AWAY.user, name: "ava" });
    await setUpWorkspace(app, ["role <@U0BUSY|bea> agent team Support", "role <@U0AWAY|ava> agent team Support"]);
  });
  afterAll(() => app.stop());
  beforeEach(() => {
    app.slack.calls.length = 0;
  });

  it("alternates between the agents at work, the least busy first, and skips the one away", async () => {
    for (const name of ["Orphan 1", "Orphan 2", "Orphan 3", "Orphan 4", "Orphan 5"]) await lapsedCustomer(name);
    // Bea holds an open follow-up; the agent none; Ava is away.
    await say(BUSY, "log Initech question phone: prices");
    await say(BUSY, "followup Initech tomorrow: send prices");
    await say(ADMIN, `away <@${AWAY.user}> today..${addDays(isoDay(app.clock.now()), 5)}`);
    await app.rapport.scheduler.runNow("retention", app.clock.now());

    const opened = app.slack.callsTo("views.open").length;
    await app.driver.command("/rapport", "campaign", MGR1);
    const view = (await latest(app, "views.open", opened)).args.view as Record<string, unknown>;
    await app.driver.viewSubmission(MGR1, {
      id: "VHANDOUT",
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: campaignFormState({
        name: "Handed out",
        offer: "10% off",
        segment: "lapsed",
        starts: isoDay(app.clock.now()),
        ends: isoDay(new Date(app.clock.now().getTime() + 30 * DAY)),
      }),
    });
    await app.rapport.scheduler.runNow("campaigns", app.clock.now());

    const outreach = await db().outreach.findMany({ include: { recipient: { select: { slackUserId: true } } } });
    const count = (user: string) => outreach.filter((o) => o.recipient.slackUserId === user).length;
    expect(outreach).toHaveLength(5);
    expect(count(AGENT.user)).toBe(3);
    expect(count(BUSY.user)).toBe(2);
    expect(count(AWAY.user)).toBe(0);
    expect(count(MGR1.user)).toBe(0);
  });
});
