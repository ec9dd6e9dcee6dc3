import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../src/db/migrate.js";
import { openPgPool } from "../../src/db/pg-driver.js";
import { createLogger } from "../../src/logging/logger.js";
import { FakeSlack } from "../../src/slack-stand-in/fake-slack.js";
import { SlackDriver } from "../../src/slack-stand-in/slack-driver.js";
import { createScratchDatabase, POSTGRES_SKIP_REASON, TEST_DATABASE_URL } from "../support/test-database.js";
import { runMain } from "./run-main.js";

describe("starting Rapport as a process", () => {
  it("ends with one readable message naming every missing or invalid setting, and no stack trace", async () => {
    const main = runMain({ PORT: "99999", DEFAULT_TIME_ZONE: "Mars/Olympus" });
    expect(await main.exited).toBe(1);
    const message = main.stderr();
    expect(message).toContain("Rapport cannot start: its configuration has 4 problems.");
    expect(message).toContain("SLACK_BOT_TOKEN is missing.");
    expect(message).toContain("OAuth & Permissions → Bot User OAuth Token");
    expect(message).toContain("SLACK_SIGNING_SECRET is missing");
    expect(message).toContain("Basic Information → App Credentials → Signing Secret");
    expect(message).toContain("PORT is above 65535.");
    expect(message).toContain("DEFAULT_TIME_ZONE is not a known time zone.");
    expect(message).not.toMatch(/\n\s+at /);
  });

  it("exits with 1 and a clear message when the database cannot be reached, without showing its password", async () => {
    const main = runMain({
      SLACK_BOT_TOKEN: "xoxb-1-secret",
      SLACK_SIGNING_SECRET: "s3cret",
      DATABASE_URL: "postgresql://rapport:hunter2@127.0.0.1:1/rapport",
      LOG_LEVEL: "silent",
    });
    expect(await main.exited).toBe(1);
    expect(main.stderr()).toContain(
      "the database at postgresql://rapport:[redacted]@127.0.0.1:1/rapport cannot be reached",
    );
    expect(main.stderr() + main.stdout()).not.toContain("hunter2");
  });

  describe("on the embedded database in ./data (the default)", () => {
    let folder: string;
    let slack: FakeSlack;
    beforeAll(async () => {
      folder = await mkdtemp(path.join(tmpdir(), "rapport-main-"));
      slack = await new FakeSlack().start();
      slack.addUser({ id: "U0MAIN", name: "mia" });
    });
    afterAll(async () => {
      await slack.stop();
      await rm(folder, { recursive: true, force: true });
    });

    it("serves a signed /rapport help within 3 s, logs JSON without secrets, and exits 0 on SIGTERM", async () => {
      const env = {
        SLACK_BOT_TOKEN: slack.botToken,
        SLACK_SIGNING_SECRET: "main-secret",
        SLACK_API_URL: slack.apiUrl,
        PORT: "0",
      };
      const main = runMain(env, folder);
      await main.waitForOutput('"msg":"Rapport is running"', 60_000);
      const port = /"port":(\d+)/.exec(main.stdout())?.[1];
      const driver = new SlackDriver(`http://127.0.0.1:${port}`, "main-secret", slack);

      const response = await driver.command("/rapport", "help", { user: "U0MAIN" });
      expect(response.status).toBe(200);
      expect(response.elapsedMs).toBeLessThan(3_000);
      await slack.waitFor("response_url");

      main.child.kill("SIGTERM");
      expect(await main.exited).toBe(0);
      const lines = main
        .stdout()
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { msg: string });
      expect(lines.map((l) => l.msg)).toEqual(
        expect.arrayContaining(["applied database migration", "Rapport is running", "Rapport stopped"]),
      );
      expect(main.stdout()).not.toContain(slack.botToken);
      expect(main.stdout()).not.toContain("main-secret");
    }, 90_000); // a fresh process and database: under a loaded machine, start-up alone may take most of a minute

    it("reopens the same folder on restart without migrating again", async () => {
      const env = {
        SLACK_BOT_TOKEN: slack.botToken,
        SLACK_SIGNING_SECRET: "main-secret",
        SLACK_API_URL: slack.apiUrl,
        PORT: "0",
      };
      const main = runMain(env, folder);
      await main.waitForOutput('"msg":"Rapport is running"', 60_000);
      main.child.kill("SIGINT");
      expect(await main.exited).toBe(0);
      expect(main.stdout()).not.toContain("applied database migration");
    }, 90_000); // a fresh process and database: under a loaded machine, start-up alone may take most of a minute
  });

  describe.skipIf(!TEST_DATABASE_URL)(`on PostgreSQL${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIP_REASON})`}`, () => {
    it("refuses to start when an applied migration's file no longer matches what was applied", async () => {
      const scratch = await createScratchDatabase();
      const { driver } = openPgPool(scratch.url, createLogger("silent"));
      try {
        await migrate(driver, createLogger("silent"));
        // As if the file had been edited after it was applied.
        await driver.query(
          `UPDATE "_prisma_migrations" SET checksum = repeat('0', 64) WHERE migration_name LIKE '%_init'`,
        );
        const main = runMain({
          SLACK_BOT_TOKEN: "xoxb-1-x",
          SLACK_SIGNING_SECRET: "s",
          DATABASE_URL: scratch.url,
          LOG_LEVEL: "silent",
        });
        expect(await main.exited).toBe(1);
        expect(main.stderr()).toMatch(
          /Rapport cannot start: The migration file prisma\/migrations\/\d+_init\/migration\.sql changed after being applied/,
        );
        expect(main.stderr()).toContain("put the change in a new migration folder instead");
      } finally {
        await driver.close();
        await scratch.drop();
      }
    });
  });
});
