import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { startRapport } from "../../src/app.js";
import { parseConfig } from "../../src/config/config.js";
import { createLogger } from "../../src/logging/logger.js";
import { FakeSlack } from "../../src/slack-stand-in/fake-slack.js";
import { pgliteTemplate } from "../support/pglite-template.js";

// A copied .env with a wrong token, or no way to reach Slack, used to start, say "Rapport is running",
// then log "fetch failed" on every tick. It stops at once with one clear message instead.
async function start(env: Record<string, string>) {
  const parsed = parseConfig({ SLACK_SIGNING_SECRET: "s3cret", PORT: "0", ...env });
  if (!parsed.ok) throw new Error(parsed.message);
  return startRapport({ ...parsed.config, database: { kind: "pglite" } }, createLogger("silent"), {
    clock: false,
    database: { pgliteTemplate: await pgliteTemplate() },
  });
}

describe("starting against Slack", () => {
  it("stops with a clear message when Slack refuses the bot token", async () => {
    const slack = await new FakeSlack().start();
    try {
      await expect(start({ SLACK_BOT_TOKEN: "xoxb-not-this-one", SLACK_API_URL: slack.apiUrl })).rejects.toThrow(
        "Slack refused SLACK_BOT_TOKEN (invalid_auth). Set it to the Bot User OAuth Token",
      );
    } finally {
      await slack.stop();
    }
  });

  it("stops with a clear message when Slack cannot be reached", async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : 1));
      });
    });
    const apiUrl = `http://127.0.0.1:${port}/api/`;
    await expect(start({ SLACK_BOT_TOKEN: "xoxb-anything", SLACK_API_URL: apiUrl })).rejects.toThrow(
      `Slack cannot be reached at ${apiUrl}`,
    );
  });

  it("starts when Slack knows the token", async () => {
    const slack = await new FakeSlack().start();
    try {
      const rapport = await start({ SLACK_BOT_TOKEN: slack.botToken, SLACK_API_URL: slack.apiUrl });
      expect(slack.callsTo("auth.test").length).toBeGreaterThan(0);
      await rapport.stop();
    } finally {
      await slack.stop();
    }
  });
});
