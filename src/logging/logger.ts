import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

// Slack tokens and credentials in URLs never reach the log, wherever they appear.
const SECRET_PATTERNS: Array<[RegExp, string]> = [
  [/\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g, "[redacted-token]"],
  [/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/g, "$1[redacted]@"],
];

export function scrubSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

const REDACTED_PATHS = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "appToken",
  "*.appToken",
  "signingSecret",
  "*.signingSecret",
  "*.headers.authorization",
  "headers.authorization",
  '*.headers["x-slack-signature"]',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "rapport" },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      hooks: {
        logMethod(args, method) {
          const cleaned = args.map((arg) => (typeof arg === "string" ? scrubSecrets(arg) : arg));
          method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
      formatters: {
        log(object) {
          return JSON.parse(scrubSecrets(JSON.stringify(object))) as Record<string, unknown>;
        },
      },
    },
    destination,
  );
}

/** Bolt and @slack/web-api log through this, so their lines are JSON like ours. */
export function toBoltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: "slack" });
  let level: LogLevel = LogLevel.INFO;
  const join = (parts: unknown[]) => parts.map((p) => (typeof p === "string" ? p : JSON.stringify(p))).join(" ");
  return {
    debug: (...msg) => child.debug(join(msg)),
    info: (...msg) => child.info(join(msg)),
    warn: (...msg) => child.warn(join(msg)),
    error: (...msg) => child.error(join(msg)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
