// `npm run sandbox`: Rapport on the embedded database, with a local stand-in for
// Slack and a page on 127.0.0.1 that looks and behaves like a small Slack.
// `--empty` starts without demo data; `--port N` picks the page's port.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startRapport } from "../app.js";
import { parseConfig, settingSources } from "../config/config.js";
import { createLogger } from "../logging/logger.js";
import { FakeSlack } from "../slack-stand-in/fake-slack.js";
import { SlackDriver } from "../slack-stand-in/slack-driver.js";
import { HISTORY, PEOPLE, SET_UP } from "./demo-people.js";
import { startSandboxServer } from "./sandbox-server.js";

const JOBS = ["escalation-deadlines", "follow-ups", "retention", "campaigns", "digests"];

const SLACK_SETTINGS = ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL"];

/** Why the sandbox will not start beside real Slack settings, naming where each one was set. */
function refuseRealSlack(withoutDotenv: boolean, cwd: string): void {
  const { file, fromFile, fromEnvironment } = settingSources(SLACK_SETTINGS, cwd, withoutDotenv);
  if (fromFile.length + fromEnvironment.length === 0) return;
  const where = [
    ...(fromFile.length ? [`${fromFile.join(", ")} in ${file}`] : []),
    ...(fromEnvironment.length ? [`${fromEnvironment.join(", ")} in the environment`] : []),
  ].join(", and ");
  const anyway = [
    ...(fromFile.length ? ["run `npm run sandbox -- --without-dotenv` to leave that file out"] : []),
    ...(fromEnvironment.length ? [`unset ${fromEnvironment.join(", ")}`] : []),
  ].join(" and ");
  throw new Error(
    `The sandbox does not start while real Slack settings are set (${where}): it must never reach a real Slack. To run it anyway, ${anyway}.`,
  );
}

export async function startSandbox(
  options: { empty?: boolean; port?: number; quiet?: boolean; withoutDotenv?: boolean; cwd?: string } = {},
) {
  // Nothing from the sandbox may reach a real Slack: it will not run where real credentials are set.
  refuseRealSlack(options.withoutDotenv ?? false, options.cwd ?? process.cwd());

  const slack = await new FakeSlack().start();
  for (const person of PEOPLE) slack.addUser(person);
  const folder = await mkdtemp(path.join(tmpdir(), "rapport-sandbox-"));
  const secret = randomBytes(16).toString("hex");
  const parsed = parseConfig({
    ...slack.appEnv(secret),
    DATABASE_URL: `file:${folder}`,
    LOG_LEVEL: options.quiet ? "silent" : "warn",
  });
  if (!parsed.ok) throw new Error(parsed.message);
  let offset = 0;
  let destination = 0;
  let walking: Promise<void> = Promise.resolve();
  const now = () => new Date(Date.now() + offset);
  slack.now = () => now().getTime();
  // Rapport itself, unmodified: bound to 127.0.0.1 like everything here.
  const rapport = await startRapport(parsed.config, createLogger(parsed.config.logLevel), {
    now,
    clock: true,
    host: "127.0.0.1",
  });
  const driver = new SlackDriver(`http://127.0.0.1:${rapport.port}`, secret, slack);

  // Each command is answered (through its response_url) before the next is typed, as a person would.
  const type = async (user: string, text: string) => {
    const { responseUrl } = await driver.command("/rapport", text, { user, channel: "C0SUPPORT" });
    const path = new URL(responseUrl).pathname;
    const deadline = Date.now() + 30_000;
    while (!slack.calls.some((c) => c.method === "response_url" && c.args.url === path)) {
      if (Date.now() > deadline) throw new Error(`no answer to /rapport ${text}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  if (!options.empty) {
    for (const text of SET_UP) await type("U0ADA", text);
    for (const line of HISTORY) await type(line.user, line.text);
  }

  const page = await startSandboxServer(
    {
      slack,
      driver,
      now,
      history: options.empty ? [] : HISTORY,
      async travel(hours) {
        // Jumps add up at once (three clicks are three days), and run one after the other.
        destination += hours * 3_600_000;
        walking = walking
          .catch(() => {})
          .then(async () => {
            // As if Rapport had been running: every job fires at each hour along the way (the minute jobs
            // at that resolution), so a week's jump sends the digest at its hour, not late at the end.
            while (offset < destination) {
              offset = Math.min(offset + 3_600_000, destination);
              for (const job of JOBS) await rapport.scheduler.runNow(job, now());
            }
          });
        await walking;
        return now();
      },
    },
    options.port ?? 0,
  );
  return {
    url: page.url,
    /** The stand-in, for tests to read what Rapport sent. */
    slack,
    async stop() {
      await page.stop();
      await rapport.stop();
      await slack.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const portAt = args.indexOf("--port");
  try {
    const sandbox = await startSandbox({
      empty: args.includes("--empty"),
      withoutDotenv: args.includes("--without-dotenv"),
      port: portAt >= 0 ? Number(args[portAt + 1]) : 3030,
    });
    process.stdout.write(`Rapport sandbox: open ${sandbox.url} (Ctrl+C stops it; nothing leaves this machine)\n`);
    const stop = () => sandbox.stop().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
