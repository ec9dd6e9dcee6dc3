import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/config.js";

const base = { SLACK_BOT_TOKEN: "xoxb-1-2-3", SLACK_SIGNING_SECRET: "abc" };

describe("parseConfig", () => {
  it("fills sensible defaults: HTTP on 3000, embedded database in ./data, English, UTC", () => {
    const result = parseConfig(base, "/srv/rapport");
    expect(result).toEqual({
      ok: true,
      config: {
        slack: { botToken: "xoxb-1-2-3", signingSecret: "abc", appToken: undefined, apiUrl: undefined },
        database: { kind: "pglite", dataDir: "/srv/rapport/data" },
        port: 3000,
        logLevel: "info",
        defaultLocale: "en",
        defaultTimeZone: "UTC",
        adminSlackUserIds: [],
        campaignSchedule: "* * * * *",
        apiRateLimit: 300,
      },
    });
  });

  it("takes a cron expression for campaign delivery and refuses one that is not", () => {
    const fast = parseConfig({ ...base, CAMPAIGN_SCHEDULE: "*/5 * * * * *" });
    expect(fast.ok && fast.config.campaignSchedule).toBe("*/5 * * * * *");
    const bad = parseConfig({ ...base, CAMPAIGN_SCHEDULE: "every minute" });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toContain("CAMPAIGN_SCHEDULE is not a cron expression");
  });

  it("reads file:<folder> as embedded PGlite there, and postgresql:// as PostgreSQL", () => {
    const file = parseConfig({ ...base, DATABASE_URL: "file:var/db" }, "/srv/rapport");
    expect(file.ok && file.config.database).toEqual({ kind: "pglite", dataDir: "/srv/rapport/var/db" });
    const pg = parseConfig({ ...base, DATABASE_URL: "postgresql://u:p@db:5432/rapport" });
    expect(pg.ok && pg.config.database).toEqual({ kind: "postgres", url: "postgresql://u:p@db:5432/rapport" });
  });

  it("turns on Socket Mode with an app token, where no signing secret is needed", () => {
    const result = parseConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1-A" });
    expect(result.ok && result.config.slack.appToken).toBe("xapp-1-A");
  });

  it("normalises SLACK_API_URL to end in a slash and splits admin IDs", () => {
    const result = parseConfig({
      ...base,
      SLACK_API_URL: "https://slack-gov.com/api",
      ADMIN_SLACK_USER_IDS: "U01, W02 ,",
    });
    expect(result.ok && result.config.slack.apiUrl).toBe("https://slack-gov.com/api/");
    expect(result.ok && result.config.adminSlackUserIds).toEqual(["U01", "W02"]);
  });

  it("treats empty values as unset", () => {
    const result = parseConfig({ ...base, PORT: "", DATABASE_URL: " ", SLACK_APP_TOKEN: "" });
    expect(result.ok && result.config.port).toBe(3000);
  });

  it("names every problem in one message, with where to find the right value", () => {
    const result = parseConfig({
      SLACK_BOT_TOKEN: "xoxp-user-token",
      SLACK_APP_TOKEN: "nope",
      DATABASE_URL: "mysql://x",
      PORT: "http",
      LOG_LEVEL: "loud",
      DEFAULT_LOCALE: "klingon",
      ADMIN_SLACK_USER_IDS: "bob",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.split("\n")[0]).toBe("Rapport cannot start: its configuration has 7 problems.");
    for (const fragment of [
      "SLACK_BOT_TOKEN must start with xoxb-.",
      "SLACK_APP_TOKEN must start with xapp-.",
      "DATABASE_URL is neither file:<folder> nor a postgresql:// URL.",
      "PORT is not a number.",
      "LOG_LEVEL is not a log level.",
      "DEFAULT_LOCALE is not a supported language.",
      "ADMIN_SLACK_USER_IDS holds something that is not a Slack user ID.",
      "Basic Information → App-Level Tokens",
    ]) {
      expect(result.message).toContain(fragment);
    }
  });

  it("refuses .env.example copied as it is, and points to the sandbox for trying Rapport without Slack", () => {
    const result = parseConfig({ SLACK_BOT_TOKEN: "xoxb-your-bot-token", SLACK_SIGNING_SECRET: "your-signing-secret" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain("SLACK_BOT_TOKEN is still the example value from .env.example.");
    expect(result.message).toContain("SLACK_SIGNING_SECRET is still the example value from .env.example.");
    expect(result.message).toContain("OAuth & Permissions → Bot User OAuth Token");
    expect(result.message).toContain("run `npm run sandbox`");
    const none = parseConfig({});
    expect(!none.ok && none.message).toContain("npm run sandbox");
  });
});
