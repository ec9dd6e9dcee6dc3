import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

describe("requests that did not come from Slack", () => {
  let app: TestApp;
  const agent = { user: "U0AGENT2" };

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: agent.user, name: "bea" });
  });
  afterAll(() => app.stop());

  async function nothingWritten() {
    expect(await app.rapport.database.prisma.member.count()).toBe(0);
    expect(await app.rapport.database.prisma.processedDelivery.count()).toBe(0);
    expect(app.slack.callsTo("response_url")).toHaveLength(0);
    expect(app.slack.callsTo("users.info")).toHaveLength(0);
  }

  it("refuses a forged signature with 401", async () => {
    const response = await app.driver.command("/rapport", "help", agent, { secret: "not-the-signing-secret" });
    expect(response.status).toBe(401);
    await nothingWritten();
  });

  it("refuses a correctly signed request whose timestamp is older than five minutes", async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await app.driver.command("/rapport", "help", agent, { timestamp: sixMinutesAgo });
    expect(response.status).toBe(401);
    const event = await app.driver.event(
      { type: "app_home_opened", user: agent.user, tab: "home" },
      { timestamp: sixMinutesAgo },
    );
    expect(event.status).toBe(401);
    await nothingWritten();
  });

  it("refuses a request with no signature headers", async () => {
    const response = await fetch(`${app.url}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "event_callback", event: { type: "app_home_opened", user: agent.user } }),
    });
    expect(response.status).toBe(401);
    await nothingWritten();
  });

  it("answers a signed but malformed body with 400 and keeps serving", async () => {
    const broken = await app.driver.send('{"type": "event_callback", "event": ', "application/json");
    expect(broken.status).toBe(400);
    const badPayload = await app.driver.send("payload=%7Bnot-json", "application/x-www-form-urlencoded");
    expect(badPayload.status).toBe(400);
    await nothingWritten();

    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    const ok = await app.driver.command("/rapport", "help", agent);
    expect(ok.status).toBe(200);
    await app.slack.waitFor("response_url");
  });
});
