import { startRapport } from "./app.js";
import { parseConfig, readEnvironment } from "./config/config.js";
import { MigrationError } from "./db/migrate.js";
import { isDatabaseUnavailable } from "./domain/errors.js";
import { createLogger, scrubSecrets } from "./logging/logger.js";
import { SlackStartError } from "./slack/check-token.js";

const parsed = parseConfig(readEnvironment());
if (!parsed.ok) {
  process.stderr.write(`${parsed.message}\n`);
  process.exit(1);
}
const { config } = parsed;
const logger = createLogger(config.logLevel);

function fail(message: string): never {
  logger.fatal(message);
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

// Signals are handled from the first moment: one that arrives while Rapport starts stops it once started.
let stopRequested = false;
let started: Awaited<ReturnType<typeof startRapport>> | undefined;
function shutdown(signal: string) {
  if (stopRequested) return;
  stopRequested = true;
  logger.info({ signal }, "shutting down");
  if (!started) return; // the start below sees stopRequested and stops
  started.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error }, "shutdown failed");
      process.exit(1);
    },
  );
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled promise rejection"));

started = await startRapport(config, logger).catch((error: unknown) => {
  if (error instanceof MigrationError || error instanceof SlackStartError)
    fail(`Rapport cannot start: ${error.message}`);
  if (isDatabaseUnavailable(error)) {
    const where =
      config.database.kind === "postgres" ? scrubSecrets(config.database.url) : (config.database.dataDir ?? "memory");
    fail(
      `Rapport cannot start: the database at ${where} cannot be reached. Check DATABASE_URL and that the server is running.`,
    );
  }
  logger.fatal({ err: error }, "Rapport could not start");
  process.exit(1);
});
if (stopRequested) {
  stopRequested = false;
  shutdown("early signal");
}
