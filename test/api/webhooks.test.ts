// Webhooks out, against a local receiver: kept by admins, one signed delivery per event and hook
// (interactions from Slack and from the API, escalations opened and decided, follow-ups done),
// retried with back-off until the receiver takes it, given up after the last try and shown on the
// admins' Home tab; nothing from another workspace, nothing after a hook is removed.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BACKOFF_MINUTES } from "../../src/domain/webhooks/webhook.service.js";
import { answerTo, completeFollowUp, openHome, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { ADMIN, AGENT, escalateFromCard, MGR1, setUpWorkspace } from "../support/workspace-setup.js";

type Json = Record<string, unknown>;
interface Received {
  headers: Record<string, string>;
  body: string;
  json: { id: string; event: string; createdAt: string; data: Json };
}

describe("webhooks out", () => {
  let app: TestApp;
  let receiver: Server;
  let url: string;
  let secret: string;
  const received: Received[] = [];
  /** What the receiver answers next (then 200). */
  const answers: number[] = [];
  const db = () => app.rapport.database.prisma;
  const slack = async (who: { user: string; channel: string; team?: string }, text: string) =>
    answerTo(app, (await app.driver.command("/rapport", text, who)).responseUrl);
  const deliveries = (event: string) => received.filter((r) => r.json.event === event);
  let minute = 0;
  /** The scheduler's webhook job, once, in a minute of its own. */
  const runJob = () => app.rapport.scheduler.runNow("webhooks", new Date(Date.UTC(2040, 0, 1, 0, ++minute)));

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        const status = answers.shift() ?? 200;
        if (status === 200)
          received.push({ headers: req.headers as Record<string, string>, body, json: JSON.parse(body) });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/rapport-events`;
    app = await startTestApp();
    await setUpWorkspace(app);
    const added = await slack(ADMIN, `api webhook add <${url}>`);
    secret = /whsec_[A-Za-z0-9_-]{32}/.exec(textOf(added))?.[0] ?? "";
  });
  afterAll(async () => {
    await app.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });
  beforeEach(() => {
    received.length = 0;
    answers.length = 0;
  });

  it("is kept by admins only, to an https address (or this machine), for events it knows", async () => {
    expect(secret).toMatch(/^whsec_/);
    const before = await db().webhook.count();
    expect((await slack(AGENT, `api webhook add ${url}`)).text).toBe("Only admins keep API tokens.");
    for (const bad of ["http://example.com/hook", "ftp://127.0.0.1/x", "https://user:pw@example.com/", "not a url"])
      expect(String((await slack(ADMIN, `api webhook add ${bad}`)).text), bad).toContain("https://");
    expect(String((await slack(ADMIN, "api webhook add https://example.com/h gossip")).text)).toContain(
      "interaction.logged",
    );
    expect(await db().webhook.count()).toBe(before);
    const list = textOf(await slack(ADMIN, "api webhook list"));
    expect(list).toContain(url);
    expect(list).not.toContain(secret);
  });

  it("sends an interaction logged in Slack, signed with the hook's secret as Slack signs its own", async () => {
    await slack(AGENT, "log Acme question phone: asked <!channel> about prices");
    await expect.poll(() => deliveries("interaction.logged").length).toBe(1);
    const [delivery] = deliveries("interaction.logged");
    const timestamp = Number(delivery?.headers["x-rapport-request-timestamp"]);
    const expected = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${delivery?.body}`).digest("hex")}`;
    expect(delivery?.headers["x-rapport-signature"]).toBe(expected);
    expect(Math.abs(timestamp * 1000 - app.clock.now().getTime())).toBeLessThan(60_000);
    expect(delivery?.headers["x-rapport-event"]).toBe("interaction.logged");
    expect(delivery?.headers["x-rapport-delivery"]).toBe(delivery?.json.id);
    expect(delivery?.json.data).toMatchObject({
      customer: { name: "Acme" },
      kind: "question",
      channel: "phone",
      summary: "asked @channel about prices",
      author: { slackUserId: AGENT.user },
    });
    // Signed with another secret, or with the body changed, it does not check out.
    const forged = createHmac("sha256", "whsec_other").update(`v0:${timestamp}:${delivery?.body}`).digest("hex");
    expect(delivery?.headers["x-rapport-signature"]).not.toBe(`v0=${forged}`);
    const row = await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery?.json.id } });
    expect(row).toMatchObject({ status: "delivered", attempts: 1, lastStatus: 200 });
  });

  it("sends an interaction logged through the API, an escalation opened and decided, and a follow-up done", async () => {
    const token = /rpt_[A-Za-z0-9_-]{43}/.exec(textOf(await slack(ADMIN, "api token create hooks write")))?.[0];
    const posted = await fetch(`${app.url}/api/v1/interactions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        customer: { email: "web@globex.example", name: "Globex" },
        kind: "order",
        channel: "email",
        summary: "web form order",
        author: { slackUserId: AGENT.user },
      }),
    });
    expect(posted.status).toBe(201);
    await expect
      .poll(() => deliveries("interaction.logged").map((d) => d.json.data.summary))
      .toContain("web form order");

    const escalation = await escalateFromCard(app, "Umbrella complaint phone: broken lid");
    await expect.poll(() => deliveries("escalation.opened").length).toBe(1);
    expect(deliveries("escalation.opened")[0]?.json.data).toMatchObject({ id: escalation.id, status: "open" });
    await app.driver.event({
      type: "message",
      channel: "C0MGRS",
      user: MGR1.user,
      text: "approve ok",
      ts: "1800000300.000001",
      thread_ts: String(escalation.messageTs),
    });
    await expect.poll(() => deliveries("escalation.decided").length).toBe(1);
    expect(deliveries("escalation.decided")[0]?.json.data).toMatchObject({
      id: escalation.id,
      decision: "approve",
      status: "approved",
      decidedBy: { slackUserId: MGR1.user },
    });

    // The follow-up the approval made, done by the agent from its DM.
    await expect.poll(() => db().followUp.count({ where: { escalationId: escalation.id } })).toBe(1);
    app.clock.advance(4 * 86_400_000);
    await app.rapport.scheduler.runNow("follow-ups", app.clock.now());
    const dm = app.slack
      .callsTo("chat.postMessage")
      .filter((c) => c.args.channel === AGENT.user && textOf(c.args).includes("follow_up_done"))
      .at(-1);
    await completeFollowUp(app, AGENT, dm?.args ?? {}, "satisfied", "happy now");
    await expect.poll(() => deliveries("followUp.done").length).toBe(1);
    expect(deliveries("followUp.done")[0]?.json.data).toMatchObject({
      outcome: "satisfied",
      completedBy: { slackUserId: AGENT.user },
    });
  });

  it("retries with back-off until the receiver takes it, once", async () => {
    answers.push(500, 503);
    await slack(AGENT, "log Initech question phone: retry me");
    const row = async () =>
      db().webhookDelivery.findFirstOrThrow({ where: { event: "interaction.logged" }, orderBy: { createdAt: "desc" } });
    await expect.poll(async () => (await row()).attempts).toBe(1);
    expect(await row()).toMatchObject({ status: "pending", lastStatus: 500 });
    // Not before its time.
    await runJob();
    expect((await row()).attempts).toBe(1);
    app.clock.advance(((BACKOFF_MINUTES[0] ?? 1) * 60 + 1) * 1000);
    await runJob();
    expect(await row()).toMatchObject({ status: "pending", attempts: 2, lastStatus: 503 });
    app.clock.advance(((BACKOFF_MINUTES[1] ?? 5) * 60 + 1) * 1000);
    await runJob();
    await runJob();
    expect(await row()).toMatchObject({ status: "delivered", attempts: 3, lastStatus: 200 });
    expect(deliveries("interaction.logged").filter((d) => d.json.data.summary === "retry me")).toHaveLength(1);
  });

  it("gives up after the last try, and the admins' Home tab says so", async () => {
    answers.push(...Array.from({ length: BACKOFF_MINUTES.length + 1 }, () => 500));
    await slack(AGENT, "log Hooli question phone: never taken");
    const row = () =>
      db().webhookDelivery.findFirstOrThrow({ where: { event: "interaction.logged" }, orderBy: { createdAt: "desc" } });
    await expect.poll(async () => (await row()).attempts).toBe(1);
    for (const wait of BACKOFF_MINUTES) {
      app.clock.advance((wait * 60 + 1) * 1000);
      await runJob();
    }
    expect(await row()).toMatchObject({ status: "failed", attempts: BACKOFF_MINUTES.length + 1, lastStatus: 500 });
    app.clock.advance(24 * 3_600_000);
    await runJob();
    expect((await row()).attempts).toBe(BACKOFF_MINUTES.length + 1);
    const home = await openHome(app, ADMIN.user);
    expect(home).toContain("Webhooks");
    expect(home).toContain("gave up");
    expect(home).toContain("failures this week: 1");
    expect(await openHome(app, AGENT.user)).not.toContain("Webhooks");
  });

  it("sends nothing of another workspace, and nothing once removed", async () => {
    await slack(
      { user: "U0STRANGER", channel: "C0ELSE", team: "T0ELSEWHERE" },
      "log Secret Corp question phone: theirs",
    );
    await slack(AGENT, "log Acme question phone: a barrier");
    await expect.poll(() => deliveries("interaction.logged").length).toBe(1);
    expect(JSON.stringify(received)).not.toContain("Secret Corp");
    expect(String((await slack(ADMIN, `api webhook remove ${url}`)).text)).toContain("removed");
    const before = await db().webhookDelivery.count();
    await slack(AGENT, "log Acme question phone: after removal");
    await runJob();
    expect(await db().webhookDelivery.count()).toBe(before);
    expect(JSON.stringify(received)).not.toContain("after removal");
  });
});
