import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answerTo, button, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { AGENT, MGR1, MGR2, setUpWorkspace } from "../support/workspace-setup.js";

const DAY = 24 * 3_600_000;

describe("retention nudges", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  const run = () => app.rapport.scheduler.runNow("retention", app.clock.now());
  const nudgesTo = (user: string, customer: string) =>
    app.slack
      .callsTo("chat.postMessage")
      .filter(
        (c) =>
          c.result?.ok &&
          c.args.channel === user &&
          textOf(c.args).includes(`*${customer}*`) &&
          textOf(c.args).includes("score"),
      );

  async function customerWith(
    name: string,
    options: {
      owner?: boolean;
      optedOut?: boolean;
      interactions: Array<{
        daysAgo: number;
        kind?: "complaint" | "question";
        sentiment?: "negative";
        /** A default category's key (and a root cause that overrides it). */
        category?: string;
        rootCause?: string;
      }>;
    },
  ) {
    const workspace = await db().workspace.findFirstOrThrow();
    const agent = await db().member.findFirstOrThrow({ where: { slackUserId: AGENT.user } });
    const customer = await db().customer.create({
      data: {
        workspaceId: workspace.id,
        name,
        normalizedName: name.toLowerCase(),
        ownerId: options.owner ? agent.id : null,
        optedOutOfOffers: options.optedOut ?? false,
      },
    });
    for (const [n, i] of options.interactions.entries()) {
      await db().interaction.create({
        data: {
          workspaceId: workspace.id,
          customerId: customer.id,
          authorId: agent.id,
          kind: i.kind ?? "question",
          channel: "phone",
          summary: `contact ${n}`,
          sentiment: i.sentiment ?? null,
          occurredAt: new Date(app.clock.now().getTime() - i.daysAgo * DAY),
          reasonCategoryId: i.category ? await categoryId(i.category) : null,
          rootCauseCategoryId: i.rootCause ? await categoryId(i.rootCause) : null,
        },
      });
    }
    return customer;
  }

  const categoryId = async (key: string) => {
    // The defaults are made the first time anyone reads the list.
    if ((await db().reasonCategory.count()) === 0)
      await answerTo(app, (await app.driver.command("/rapport", "reasons", AGENT)).responseUrl);
    return (await db().reasonCategory.findFirstOrThrow({ where: { key } })).id;
  };

  beforeAll(async () => {
    app = await startTestApp();
    await setUpWorkspace(app);
  });
  afterAll(() => app.stop());
  beforeEach(async () => {
    await db().customerCondition.deleteMany();
    await db().interaction.deleteMany();
    await db().customer.deleteMany();
    app.slack.calls.length = 0;
  });

  it("nudges the owner once when a customer lapses, with the reason, and again only after a new crossing", async () => {
    await customerWith("Quiet Co", { owner: true, interactions: [{ daysAgo: 100 }] });
    await run();
    await run();
    const nudges = nudgesTo(AGENT.user, "Quiet Co");
    expect(nudges).toHaveLength(1);
    const shown = textOf(nudges[0]?.args ?? {});
    expect(shown).toContain("is lapsed (score 56/100)");
    expect(shown).toContain("no contact for 100 days");
    for (const action of ["retention_outreach", "retention_offer", "retention_snooze", "retention_churned"])
      expect(shown).toContain(action);

    await answerTo(app, (await app.driver.command("/rapport", "log Quiet Co: they called back", AGENT)).responseUrl);
    await run();
    expect((await db().customerCondition.findFirstOrThrow()).clearedAt).not.toBeNull();
    app.clock.advance(91 * DAY);
    await run();
    expect(nudgesTo(AGENT.user, "Quiet Co")).toHaveLength(2);
  });

  it("nudges the managers of the team that last spoke with an at-risk customer who has no owner, showing each reason", async () => {
    await customerWith("Angry Inc", {
      interactions: [
        { daysAgo: 10, kind: "complaint" },
        { daysAgo: 2, kind: "complaint", sentiment: "negative" },
      ],
    });
    await run();
    for (const manager of [MGR1.user, MGR2.user]) {
      const nudge = nudgesTo(manager, "Angry Inc");
      expect(nudge).toHaveLength(1);
      const shown = textOf(nudge[0]?.args ?? {});
      expect(shown).toContain("is at risk (score 60/100)");
      expect(shown).toContain("2 complaints in 30 days");
      expect(shown).toContain("the last conversation was negative");
    }
    await run();
    expect(nudgesTo(MGR1.user, "Angry Inc")).toHaveLength(1);
  });

  it("never lists a customer who opted out of offers as lapsed", async () => {
    await customerWith("No Offers Ltd", { owner: true, optedOut: true, interactions: [{ daysAgo: 200 }] });
    await run();
    expect(nudgesTo(AGENT.user, "No Offers Ltd")).toHaveLength(0);
  });

  it("snoozes for a week, then nudges again; marking churned stops it", async () => {
    const customer = await customerWith("Snoozy", { owner: true, interactions: [{ daysAgo: 120 }] });
    await run();
    const nudge = nudgesTo(AGENT.user, "Snoozy")[0];
    const snooze = button(nudge?.args ?? {}, "retention_snooze");
    const url = app.slack.newResponseUrl();
    await app.driver.blockAction(AGENT, { action_id: snooze.action_id, value: snooze.value }, { response_url: url });
    expect(textOf(await answerTo(app, url))).toContain("Snoozed until");
    await run();
    expect(nudgesTo(AGENT.user, "Snoozy")).toHaveLength(1);
    app.clock.advance(8 * DAY);
    await run();
    const again = nudgesTo(AGENT.user, "Snoozy");
    expect(again).toHaveLength(2);

    const churn = button(again[1]?.args ?? {}, "retention_churned");
    const churnUrl = app.slack.newResponseUrl();
    await app.driver.blockAction(AGENT, { action_id: churn.action_id, value: churn.value }, { response_url: churnUrl });
    expect(textOf(await answerTo(app, churnUrl))).toContain("Marked as churned");
    expect((await db().customer.findUniqueOrThrow({ where: { id: customer.id } })).status).toBe("churned");
    app.clock.advance(30 * DAY);
    await run();
    expect(nudgesTo(AGENT.user, "Snoozy")).toHaveLength(2);
  });

  it("records a sent offer as an interaction with the customer", async () => {
    const customer = await customerWith("Offer Co", { owner: true, interactions: [{ daysAgo: 95 }] });
    await run();
    const offer = button(nudgesTo(AGENT.user, "Offer Co")[0]?.args ?? {}, "retention_offer");
    const url = app.slack.newResponseUrl();
    await app.driver.blockAction(AGENT, { action_id: offer.action_id, value: offer.value }, { response_url: url });
    expect(textOf(await answerTo(app, url))).toContain("Offer logged");
    const logged = await db().interaction.findFirstOrThrow({
      where: { customerId: customer.id, summary: "Win-back offer sent." },
    });
    expect(logged).toMatchObject({ kind: "other", channel: "email", outcome: "pending" });
  });

  it("counts only repeated complaints about one thing once an admin says so, naming it (root cause first)", async () => {
    const say = async (text: string, who = { user: "U0ADMIN", channel: "C0SETUP" }) =>
      (await answerTo(app, (await app.driver.command("/rapport", text, who)).responseUrl)).text;
    await customerWith("Mixed Co", {
      owner: true,
      interactions: [
        { daysAgo: 10, kind: "complaint", category: "billing" },
        { daysAgo: 3, kind: "complaint", category: "delivery" },
      ],
    });
    await customerWith("Billing Again Co", {
      owner: true,
      interactions: [
        { daysAgo: 12, kind: "complaint", category: "billing" },
        // Filed under delivery, but what was really behind it was billing.
        { daysAgo: 4, kind: "complaint", category: "delivery", rootCause: "billing" },
      ],
    });
    expect(await say("days complaints 2 same", AGENT)).not.toContain("Saved");
    expect(await say("days complaints 2 same")).toBe(
      "Saved: complaints = 2. At risk now counts only repeated complaints about the same thing.",
    );
    expect((await db().workspace.findFirstOrThrow()).atRiskSameCategory).toBe(true);
    await run();
    expect(nudgesTo(AGENT.user, "Mixed Co")).toHaveLength(0);
    const nudge = nudgesTo(AGENT.user, "Billing Again Co");
    expect(nudge).toHaveLength(1);
    expect(textOf(nudge[0]?.args ?? {})).toContain("2 complaints about Billing in 30 days");
    // Back to every complaint: the mixed one is at risk too.
    expect(await say("days complaints 2 any")).toContain("every complaint again");
    await run();
    expect(nudgesTo(AGENT.user, "Mixed Co")).toHaveLength(1);
    expect(await say("days window 30 same")).toContain("Usage");
  });
});
