import { randomBytes } from "node:crypto";
import { type Rapport, startRapport } from "../../src/app.js";
import { type Config, parseConfig } from "../../src/config/config.js";
import { FakeSlack } from "../../src/slack-stand-in/fake-slack.js";
import { SlackDriver } from "../../src/slack-stand-in/slack-driver.js";
import { memoryLogger } from "./memory-log.js";
import { pgliteTemplate } from "./pglite-template.js";
import { createScratchDatabase, type ScratchDatabase } from "./test-database.js";

export interface TestApp {
  rapport: Rapport;
  slack: FakeSlack;
  driver: SlackDriver;
  url: string;
  config: Config;
  logs: ReturnType<typeof memoryLogger>;
  /** The app's clock: real time plus whatever the test moved it by. */
  clock: { advance(ms: number): void; now(): Date };
  stop(): Promise<void>;
}

export interface TestAppOptions {
  /** "pglite" (default): in memory, from the migrated template; "postgres": a scratch database on TEST_DATABASE_URL. */
  database?: "pglite" | "postgres";
  /** Use this PostgreSQL URL as it is (the caller owns the database). */
  postgresUrl?: string;
  env?: Record<string, string>;
  /**
   * Talk to this stand-in, shared with other instances as one Slack is (one history, one ts
   * space); its owner stops it. By default each app gets its own.
   */
  slack?: FakeSlack;
}

/** Starts the whole app on a random port against a fake Slack and a fresh database. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const slack = options.slack ?? (await new FakeSlack().start());
  const signingSecret = randomBytes(16).toString("hex");
  let scratch: ScratchDatabase | undefined;
  let databaseUrl = options.postgresUrl;
  if (!databaseUrl && options.database === "postgres") {
    scratch = await createScratchDatabase();
    databaseUrl = scratch.url;
  }
  const parsed = parseConfig({
    ...slack.appEnv(signingSecret),
    LOG_LEVEL: "debug",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.message);
  const config: Config = databaseUrl ? parsed.config : { ...parsed.config, database: { kind: "pglite" } };
  const logs = memoryLogger();
  let offset = 0;
  const clock = {
    advance(ms: number) {
      offset += ms;
    },
    now: () => new Date(Date.now() + offset),
  };
  if (!options.slack) slack.now = () => clock.now().getTime();
  const rapport = await startRapport(config, logs.logger, {
    now: clock.now,
    clock: false,
    database: databaseUrl ? {} : { pgliteTemplate: await pgliteTemplate() },
    drainTimeoutMs: 5_000,
  });
  const url = `http://127.0.0.1:${rapport.port}`;
  return {
    rapport,
    slack,
    driver: new SlackDriver(url, signingSecret, slack),
    url,
    config,
    logs,
    clock,
    async stop() {
      await rapport.stop();
      if (!options.slack) await slack.stop();
      await scratch?.drop();
    },
  };
}
