import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OUTREACH_EVENT } from "../../src/slack/ids.js";
import type { RecordedCall } from "../../src/slack-stand-in/fake-slack.js";
import { answerTo, button, campaignFormState, latest, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { AGENT, MGR1, setUpWorkspace } from "../support/workspace-setup.js";

const DAY = 24 * 3_600_000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

describe("win-back campaigns", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  const tick = (name: string) => app.rapport.scheduler.runNow(name, app.clock.now());
  const command = async (who: { user: string; channel: string }, text: string) =>
    answerTo(app, (await app.driver.command("/rapport", text, who)).responseUrl);
  /** Nudges Slack accepted, with the outreach each carries. */
  const nudges = () =>
    app.slack
      .callsTo("chat.postMessage")
      .filter(
        (c) => c.result?.ok && (c.args.metadata as { event_type?: string } | undefined)?.event_type === OUTREACH_EVENT,
      );
  const progressOf = async (campaignName: string) => {
    const campaign = await db().campaign.findFirstOrThrow({ where: { name: campaignName } });
    const calls = app.slack.calls
      .filter((c) => (c.method === "chat.postMessage" || c.method === "chat.update") && c.result?.ok)
      .filter((c) => textOf(c.args).includes(`Win-back campaign: ${campaignName}`));
    expect(calls[0]?.args.channel).toBe(MGR1.user);
    // Posted once, then updated in place.
    expect(calls.filter((c) => c.method === "chat.postMessage")).toHaveLength(1);
    expect(calls.filter((c) => c.method === "chat.update").every((c) => c.args.ts === campaign.progressTs)).toBe(true);
    return textOf((calls.at(-1) as RecordedCall).args);
  };

  async function customer(
    name: string,
    options: { owner?: string; lastContactDaysAgo?: number; tags?: string[]; optedOut?: boolean } = {},
  ) {
    const workspace = await db().workspace.findFirstOrThrow();
    const author = await db().member.findFirstOrThrow({ where: { slackUserId: AGENT.user } });
    const owner = options.owner ? await db().member.findFirstOrThrow({ where: { slackUserId: options.owner } }) : null;
    const row = await db().customer.create({
      data: {
        workspaceId: workspace.id,
        name,
        normalizedName: name.toLowerCase(),
        ownerId: owner?.id ?? null,
        tags: options.tags ?? [],
        optedOutOfOffers: options.optedOut ?? false,
      },
    });
    if (options.lastContactDaysAgo !== undefined) {
      await db().interaction.create({
        data: {
          workspaceId: workspace.id,
          customerId: row.id,
          authorId: author.id,
          kind: "question",
          channel: "phone",
          summary: "earlier contact",
          occurredAt: new Date(app.clock.now().getTime() - options.lastContactDaysAgo * DAY),
        },
      });
    }
    return row;
  }

  /** Opens the form as `who` and submits it; resolves with Bolt's answer to the submission. */
  async function submitCampaign(
    who: { user: string; channel: string },
    fields: { name: string; offer: string; segment: string; tag?: string; starts?: string; ends?: string },
  ) {
    const opened = app.slack.callsTo("views.open").length;
    await app.driver.command("/rapport", "campaign", who);
    const view = (await latest(app, "views.open", opened)).args.view as Record<string, unknown>;
    expect(view.callback_id).toBe("campaign_form");
    const response = await app.driver.viewSubmission(who, {
      id: `V${Math.random().toString(36).slice(2)}`,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: campaignFormState({
        name: fields.name,
        offer: fields.offer,
        segment: fields.segment,
        tag: fields.tag ?? null,
        starts: fields.starts ?? isoDay(app.clock.now()),
        ends: fields.ends ?? isoDay(new Date(app.clock.now().getTime() + 30 * DAY)),
      }),
    });
    return { status: response.status, body: response.body ? JSON.parse(response.body) : {} };
  }

  beforeAll(async () => {
    app = await startTestApp();
    await setUpWorkspace(app);
  });
  afterAll(() => app.stop());
  beforeEach(async () => {
    await db().outreach.deleteMany();
    await db().campaign.deleteMany();
    await db().customerCondition.deleteMany();
    await db().interaction.deleteMany();
    await db().customer.deleteMany();
    await db().member.updateMany({ data: { workDayStart: null, workDayEnd: null } });
    app.slack.calls.length = 0;
  });

  it("runs a lapsed-customer campaign from start to won back, each nudge sent once", async () => {
    await customer("Quiet Owned", { owner: AGENT.user, lastContactDaysAgo: 100 });
    await customer("Quiet Orphan", { lastContactDaysAgo: 120 });
    await customer("Still Busy", { owner: AGENT.user, lastContactDaysAgo: 2 });
    await customer("Asked No Offers", { owner: AGENT.user, lastContactDaysAgo: 150, optedOut: true });
    await tick("retention");

    const submitted = await submitCampaign(MGR1, {
      name: "Spring",
      offer: "20% off the next order",
      segment: "lapsed",
    });
    expect(submitted).toEqual({ status: 200, body: {} });
    expect(await progressOf("Spring")).toContain("Handed out:* 0 of 0");

    await tick("campaigns");
    const sent = nudges();
    expect(sent.map((c) => [c.args.channel, textOf(c.args).match(/\*(Quiet \w+)\*/)?.[1]]).sort()).toEqual([
      [AGENT.user, "Quiet Orphan"], // no owner: the team's agent at work (the only one here)
      [AGENT.user, "Quiet Owned"],
    ]);
    expect(textOf(sent[0]?.args ?? {})).toContain("20% off the next order");
    expect(await progressOf("Spring")).toContain("Handed out:* 2 of 2");

    // The agent reaches the customer, who takes the offer.
    const agentNudge =
      sent.find((c) => c.args.channel === AGENT.user && textOf(c.args).includes("*Quiet Owned*"))?.args ?? {};
    const contacted = await app.driver.blockAction(AGENT, button(agentNudge, "outreach_contacted"), {
      response_url: app.slack.newResponseUrl(),
    });
    expect(contacted.status).toBe(200);
    const afterContact = app.slack.callsTo("response_url").at(-1)?.args ?? {};
    await expect.poll(() => app.slack.callsTo("response_url").length).toBeGreaterThan(0);
    const replaced = app.slack.callsTo("response_url").at(-1)?.args ?? afterContact;
    expect(textOf(replaced)).toContain("Contacted. Did they take the offer?");
    await app.driver.blockAction(AGENT, button(replaced, "outreach_accepted"));
    await expect
      .poll(async () => textOf(app.slack.callsTo("response_url").at(-1)?.args ?? {}))
      .toContain("Accepted the offer.");
    const logged = await db().interaction.findMany({
      where: { customer: { name: "Quiet Owned" } },
      orderBy: { occurredAt: "asc" },
    });
    expect(logged.at(-1)?.summary).toBe("Win-back campaign “Spring”: offered 20% off the next order");

    // Next day the customer orders again: won back.
    app.clock.advance(DAY);
    await command(AGENT, "log Quiet Owned order phone: ordered two crates");
    await tick("campaigns");
    const progress = await progressOf("Spring");
    expect(progress).toContain("Contacted:* 1");
    expect(progress).toContain("Accepted:* 1");
    expect(progress).toContain("Won back:* 1");

    // Later ticks send nothing again, and the end closes the campaign.
    await tick("campaigns");
    app.clock.advance(31 * DAY);
    await tick("campaigns");
    expect(nudges()).toHaveLength(2);
    expect(await progressOf("Spring")).toContain("Ended");
    expect(await db().campaign.findFirstOrThrow({ where: { name: "Spring" } })).toMatchObject({
      endedAt: expect.any(Date),
    });
  });

  it("picks customers by tag, leaves out who opted out (also after the start), and waits for the owner's hours", async () => {
    await customer("Winter A", { owner: AGENT.user });
    expect((await command(MGR1, "tag Winter A: winter, vip, old")).text).toContain("`old` `vip` `winter`");
    expect((await command(MGR1, "untag winter a: old")).text).toContain("now has the tags `vip` `winter`");
    expect((await command(MGR1, "tag Winter A: not a tag!")).text).toContain("Usage: `/rapport tag");
    await customer("Winter B", { owner: AGENT.user, tags: ["winter"] });
    await customer("Winter C", { owner: AGENT.user, tags: ["winter"] });
    await customer("Summer D", { owner: AGENT.user, tags: ["summer"] });
    await db().customer.updateMany({
      where: { name: "Winter A" },
      data: { ownerId: (await db().member.findFirstOrThrow({ where: { slackUserId: AGENT.user } })).id },
    });
    expect((await command(MGR1, "optout Winter B")).text).toContain("will receive no offers");

    // The agent works an hour that is not now: the campaign starts but waits for them.
    const hour = app.clock.now().getUTCHours();
    const window = `${String((hour + 2) % 24).padStart(2, "0")}:00-${String((hour + 3) % 24 || 24).padStart(2, "0")}:00`;
    expect((await command(AGENT, `myhours ${window}`)).text).toContain("nudged only between");
    expect(
      await submitCampaign(MGR1, { name: "Winter", offer: "Free delivery", segment: "tag", tag: "Winter" }),
    ).toEqual({
      status: 200,
      body: {},
    });
    await tick("campaigns");
    expect(nudges()).toHaveLength(0);
    expect(await db().outreach.count()).toBe(2); // Winter A and C; B opted out, D has another tag

    await command(MGR1, "optout Winter C");
    await command(AGENT, "myhours default");
    await tick("campaigns");
    expect(nudges().map((c) => textOf(c.args).match(/\*(Winter \w)\*/)?.[1])).toEqual(["Winter A"]);
    expect(await progressOf("Winter")).toContain("Left out: 1");
  });

  it("refuses what cannot be a campaign, beside the field, and lets no agent start one", async () => {
    const agentTry = await command(AGENT, "campaign");
    expect(agentTry.text).toBe("Only managers, directors and admins start campaigns.");
    const today = app.clock.now();
    const backwards = await submitCampaign(MGR1, {
      name: "Oops",
      offer: "x",
      segment: "lapsed",
      starts: isoDay(new Date(today.getTime() + 5 * DAY)),
      ends: isoDay(today),
    });
    expect(backwards.body).toEqual({
      response_action: "errors",
      errors: { campaign_ends: "The end must come after the start." },
    });
    const noTag = await submitCampaign(MGR1, { name: "Tagless", offer: "x", segment: "tag" });
    expect(noTag.body.errors).toEqual({ campaign_tag: "Write the tag of the customers to include." });
    const noName = await submitCampaign(MGR1, { name: "  ", offer: "x", segment: "lapsed" });
    expect(Object.keys(noName.body.errors)).toEqual(["campaign_name"]);
    expect(await db().campaign.count()).toBe(0);
  });

  it("waits out a 429, and after a 500 whose message did go through it finds that message instead of sending again", async () => {
    for (const n of [1, 2, 3]) await customer(`Tagged ${n}`, { owner: AGENT.user, tags: ["retry"] });
    await submitCampaign(MGR1, { name: "Retry", offer: "A gift", segment: "tag", tag: "retry" });
    app.slack.failNext("chat.postMessage", { kind: "rate_limited", retryAfterSeconds: 1 });
    app.slack.unsettle("chat.postMessage", { serverErrorAfterPosting: 1, seed: 7 });
    await tick("campaigns"); // the first goes through but is answered 500; the rate limit hits another
    app.slack.calm("chat.postMessage");
    app.clock.advance(60 * 60_000);
    await tick("campaigns");
    app.clock.advance(60 * 60_000);
    await tick("campaigns");
    const ids = nudges().map((c) => (c.args.metadata as { event_payload: { id: string } }).event_payload.id);
    const mine = new Set((await db().outreach.findMany()).map((o) => o.id));
    const idOf = (m: { args: Record<string, unknown> }) =>
      (m.args.metadata as { event_payload?: { id?: string } } | undefined)?.event_payload?.id ?? "";
    const posted = app.slack.allMessages().filter((m) => mine.has(idOf(m)));
    expect(new Set(posted.map(idOf)).size).toBe(3);
    expect(posted).toHaveLength(3);
    expect(ids.length).toBeLessThanOrEqual(3);
    expect(app.slack.callsTo("conversations.history").length).toBeGreaterThan(0);
    expect(await db().outreach.count({ where: { status: "sent" } })).toBe(3);
  });

  it("stops early from the progress message, for whoever started it only", async () => {
    for (const n of [1, 2, 3]) await customer(`Stopped ${n}`, { owner: AGENT.user, tags: ["stop"] });
    const hour = app.clock.now().getUTCHours();
    const pad = (h: number) => String(h).padStart(2, "0");
    await command(AGENT, `myhours ${pad((hour + 2) % 24)}:00-${pad((hour + 3) % 24 || 24)}:00`);
    await submitCampaign(MGR1, { name: "Stopper", offer: "Two for one", segment: "tag", tag: "stop" });
    await tick("campaigns"); // started, but the agent is not at work: nothing handed out yet
    expect(await db().outreach.count({ where: { status: "pending" } })).toBe(3);
    const message = app.slack.calls.filter(
      (c) => c.result?.ok && c.method.startsWith("chat.") && textOf(c.args).includes("Win-back campaign: Stopper"),
    );
    const stop = button((message.at(-1) as RecordedCall).args, "campaign_stop");

    const ephemerals = app.slack.callsTo("chat.postEphemeral").length;
    await app.driver.blockAction(AGENT, stop);
    await expect
      .poll(() =>
        [...app.slack.callsTo("chat.postEphemeral").slice(ephemerals), ...app.slack.callsTo("response_url")].some((c) =>
          textOf(c.args).includes("Only the person who started this campaign, a director or an admin can stop it."),
        ),
      )
      .toBe(true);
    expect((await db().campaign.findFirstOrThrow({ where: { name: "Stopper" } })).endedAt).toBeNull();

    await app.driver.blockAction(MGR1, stop);
    await expect
      .poll(async () => (await db().campaign.findFirstOrThrow({ where: { name: "Stopper" } })).endedAt)
      .not.toBeNull();
    expect(await db().outreach.count({ where: { status: "expired" } })).toBe(3);
    await expect.poll(() => progressOf("Stopper")).toContain("Ended");
    const progress = await progressOf("Stopper");
    expect(progress).toContain("Left out: 3");
    expect(progress).not.toContain("campaign_stop");
    await command(AGENT, "myhours default");
    await tick("campaigns");
    expect(nudges()).toHaveLength(0);
  });
});
