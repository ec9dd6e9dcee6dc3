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

// Errors become plain objects (type, message, stack, code, cause) before the line is scrubbed:
// JSON.stringify alone would write an Error as {}.
function withErrorsSerialized(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return pino.stdSerializers.errWithCause(value);
  if (depth > 4 || typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = withErrorsSerialized(inner, depth + 1);
  return out;
}

const describeForBolt = (part: unknown): string =>
  typeof part === "string"
    ? part
    : part instanceof Error
      ? `${part.name}: ${part.message}${(part as { code?: unknown }).code ? ` (${String((part as { code?: unknown }).code)})` : ""}`
      : JSON.stringify(part);

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "rapport" },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      // The log formatter below has serialized errors already; pino's own would see a plain object.
      serializers: { err: (value: unknown) => value },
      hooks: {
        logMethod(args, method) {
          const cleaned = args.map((arg) => (typeof arg === "string" ? scrubSecrets(arg) : arg));
          method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
      formatters: {
        log(object) {
          return JSON.parse(scrubSecrets(JSON.stringify(withErrorsSerialized(object)))) as Record<string, unknown>;
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
  const join = (parts: unknown[]) => parts.map(describeForBolt).join(" ");
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
