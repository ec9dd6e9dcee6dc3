import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TcpProxy } from "../support/tcp-proxy.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import {
  createScratchDatabase,
  POSTGRES_SKIP_REASON,
  type ScratchDatabase,
  TEST_DATABASE_URL,
} from "../support/test-database.js";

async function readyz(url: string) {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: (await response.json()) as { database: string } };
}

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!TEST_DATABASE_URL)(
  `the database going away while Rapport runs${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    let scratch: ScratchDatabase;
    let proxy: TcpProxy;
    let app: TestApp;

    beforeAll(async () => {
      scratch = await createScratchDatabase();
      const target = new URL(scratch.url);
      proxy = await new TcpProxy(target.hostname, Number(target.port || 5432)).start();
      const viaProxy = new URL(scratch.url);
      viaProxy.host = `127.0.0.1:${proxy.port}`;
      app = await startTestApp({ postgresUrl: viaProxy.toString() });
      app.slack.addUser({ id: "U0OUTAGE", name: "otto" });
    });
    afterAll(async () => {
      await proxy.restore();
      await app.stop();
      await proxy.cut();
      await scratch.drop();
    });

    it("is ready while the database answers", async () => {
      expect(await readyz(app.url)).toEqual({ status: 200, body: expect.objectContaining({ database: "reachable" }) });
    });

    it("says so on /readyz, answers commands with 'temporarily unavailable' and keeps what was typed", async () => {
      await proxy.cut();
      expect(await readyz(app.url)).toEqual({
        status: 503,
        body: expect.objectContaining({ database: "unreachable" }),
      });

      const response = await app.driver.command("/rapport", "help me with order #42", { user: "U0OUTAGE" });
      expect(response.status).toBe(200);
      const answer = await app.slack.waitFor(
        "response_url",
        (args) => args.url === new URL(response.responseUrl).pathname,
        10_000,
      );
      expect(answer.args.text).toBe(
        "Rapport is temporarily unavailable and nothing was changed. Please try again in a few minutes.",
      );
      expect(JSON.stringify(answer.args.blocks)).toContain("/rapport help me with order #42");

      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    });

    it("recovers by itself when the database returns", async () => {
      await proxy.restore();
      const ready = await eventually(
        () => readyz(app.url),
        (r) => r.status === 200,
      );
      expect(ready.status).toBe(200);
      const response = await app.driver.command("/rapport", "help", { user: "U0OUTAGE" });
      const answer = await app.slack.waitFor(
        "response_url",
        (args) => args.url === new URL(response.responseUrl).pathname,
        10_000,
      );
      expect(JSON.stringify(answer.args.blocks)).toContain("Rapport: customer relations in Slack");
    });
  },
);
