// `npm run import -- customers.csv [--mapping map.json] [--dry-run] [--workspace T0123]`: imports a
// customer file into the configured database (the same configuration as `npm start`). With the
// embedded database, stop Rapport first: only one process can open its folder.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { WebClient } from "@slack/web-api";
import { parseConfig, readEnvironment } from "../config/config.js";
import { openDatabase } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { readMigrationFiles } from "../db/migration-files.js";
import { MAX_IMPORT_BYTES } from "../domain/imports/decode-file.js";
import { runImport } from "../imports/run-import.js";
import { createLogger } from "../logging/logger.js";

const USAGE = "Usage: npm run import -- <customers.csv> [--mapping map.json] [--dry-run] [--workspace T0123ABC]";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      mapping: { type: "string" },
      "dry-run": { type: "boolean" },
      workspace: { type: "string" },
      help: { type: "boolean" },
    },
  });
  const file = positionals[0];
  if (values.help || !file) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const size = statSync(file, { throwIfNoEntry: false })?.size;
  if (size === undefined) return fail(`There is no file ${file}.`);
  if (size > MAX_IMPORT_BYTES) return fail("The file is larger than 50 MB: split it, or import it in parts.");
  let mapping: Record<string, string | number> | undefined;
  if (values.mapping) {
    try {
      mapping = JSON.parse(readFileSync(values.mapping, "utf8")) as Record<string, string | number>;
    } catch {
      return fail(`${values.mapping} is not a JSON mapping such as {"name": "Company", "email": "E-mail"}.`);
    }
  }
  const parsed = parseConfig(readEnvironment());
  if (!parsed.ok) return fail(parsed.message);
  const { config } = parsed;
  const logger = createLogger("warn");
  const database = await openDatabase(config.database, logger);
  try {
    await migrate(database.sql, logger, await readMigrationFiles());
    const workspaces = await database.prisma.workspace.findMany({ select: { id: true, slackTeamId: true } });
    const workspace = values.workspace
      ? workspaces.find((w) => w.slackTeamId === values.workspace)
      : workspaces.length === 1
        ? workspaces[0]
        : undefined;
    if (!workspace)
      return fail(
        workspaces.length === 0
          ? "No workspace yet: install the app and use it once in Slack, then import."
          : `Say which workspace with --workspace (one of ${workspaces.map((w) => w.slackTeamId).join(", ")}).`,
      );
    const slack = new WebClient(config.slack.botToken, config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {});
    const found = new Map<string, string | null>();
    const outcome = await runImport(
      database.prisma,
      {
        bytes: readFileSync(file),
        dryRun: Boolean(values["dry-run"]),
        workspaceId: workspace.id,
        ...(mapping ? { mapping } : {}),
      },
      {
        say: (line) => process.stdout.write(`${line}\n`),
        progress: (done, total) => {
          const width = 30;
          const filled = total ? Math.round((done / total) * width) : width;
          process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} rows`);
          if (done >= total) process.stderr.write("\n");
        },
        now: () => new Date(),
        async slackUserByEmail(email) {
          if (!found.has(email)) {
            const answer = await slack.users.lookupByEmail({ email }).catch(() => null);
            found.set(email, answer?.user?.id ?? null);
          }
          return found.get(email) ?? null;
        },
      },
    );
    if (!outcome.ok) return fail(outcome.problem);
    if (outcome.plan.skipped.length + outcome.plan.sameName.length > 0) {
      writeFileSync(`${file}.rejected.csv`, `\uFEFF${outcome.rejectedCsv}`);
      process.stdout.write(`The rows not imported, with the reason for each: ${file}.rejected.csv\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`The import stopped: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
