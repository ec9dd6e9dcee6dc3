import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTo } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

// The embedded database runs on a thread of its own: a long query (the hourly retention pass at
// 100,000 customers took 8–12 s) must not freeze the main thread, where requests are acknowledged.
// On the main thread, PGlite's WebAssembly held the event loop for the whole query.
describe("a long query on the embedded database", () => {
  let app: TestApp;
  const agent = { user: "U0AGENT", channel: "C0SUPPORT" };

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: agent.user, name: "ana" });
    await answerTo(app, (await app.driver.command("/rapport", "log Warm Up: first", agent)).responseUrl);
  });
  afterAll(() => app.stop());

  it("leaves the main thread free: requests are acknowledged while it runs", async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    // CPU-bound inside Postgres: a couple of seconds of WebAssembly.
    const long = app.rapport.database.prisma
      .$queryRawUnsafe("SELECT count(*) FROM generate_series(1, 4000000) g WHERE md5(g::text) > 'f'")
      .then(() => performance.now() - started);
    // A button (acknowledged before any work) and a one-line log (acknowledged within its budget,
    // answered once the database is free), sent while the query runs.
    const button = app.driver
      .blockAction(agent, { action_id: "interaction_undo", value: "not a payload" })
      .then((response) => ({ ...response, at: performance.now() - started }));
    const command = app.driver.command("/rapport", "log Waiting Co: asked while the database was busy", agent);
    const queryMs = await long;
    delay.disable();
    const acked = await button;

    expect(queryMs, "the query must be long enough for the test to mean anything").toBeGreaterThan(1_000);
    expect(acked.status).toBe(200);
    // Acknowledged while the query was still running, not after it.
    expect(acked.at).toBeLessThan(queryMs / 2);
    expect((await command).elapsedMs).toBeLessThan(3_000);
    // The event loop never stood still for long while the query ran.
    expect(delay.max / 1e6).toBeLessThan(Math.min(500, queryMs / 3));
    await answerTo(app, (await command).responseUrl);
  });
});
