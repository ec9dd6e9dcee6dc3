import cron from "node-cron";
import { z } from "zod";
import { SUPPORTED_LOCALES } from "../i18n/locales.js";

// Each setting carries the hint shown when it is missing or wrong, so the
// person starting Rapport learns where to find the right value.
export const SETTING_HINTS: Record<string, string> = {
  SLACK_BOT_TOKEN:
    "the Bot User OAuth Token (xoxb-…) from your Slack app's page: OAuth & Permissions → Bot User OAuth Token",
  SLACK_SIGNING_SECRET:
    "the Signing Secret from your Slack app's page: Basic Information → App Credentials → Signing Secret",
  SLACK_APP_TOKEN:
    "an App-Level Token (xapp-…) with the connections:write scope, from Basic Information → App-Level Tokens; leave it unset to receive requests over HTTP",
  SLACK_API_URL: "an http(s) URL ending in /api/, e.g. https://slack-gov.com/api/; leave it unset for slack.com",
  DATABASE_URL:
    "leave it unset for the embedded database in ./data, use file:<folder> for another folder, or postgresql://user:password@host:5432/db",
  PORT: "a TCP port number between 0 and 65535 (default 3000)",
  LOG_LEVEL: "one of fatal, error, warn, info, debug, trace, silent (default info)",
  DEFAULT_LOCALE: `one of ${SUPPORTED_LOCALES.join(", ")} (default en)`,
  DEFAULT_TIME_ZONE: "an IANA time zone such as Europe/Helsinki or Asia/Kolkata (default UTC)",
  ADMIN_SLACK_USER_IDS: "comma-separated Slack user IDs such as U012ABCDEF,U034GHIJKL",
  API_RATE_LIMIT: "a whole number of requests per minute each API token may make (default 300)",
  CAMPAIGN_SCHEDULE:
    "a cron expression (node-cron, UTC; six fields for seconds) for how often win-back nudges are handed out (default every minute: * * * * *)",
};

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const optionalText = z.preprocess(emptyToUndefined, z.string().trim().optional());

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const EnvironmentSchema = z.object({
  API_RATE_LIMIT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100_000).default(300)),
  CAMPAIGN_SCHEDULE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .refine((value) => cron.validate(value), { error: "is not a cron expression" })
      .default("* * * * *"),
  ),
  SLACK_BOT_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string({ error: "is missing" }).trim().startsWith("xoxb-", { error: "must start with xoxb-" }),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().trim().startsWith("xapp-", { error: "must start with xapp-" }).optional(),
  ),
  SLACK_API_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/, error: "is not an http(s) URL" })
      .transform((url) => (url.endsWith("/") ? url : `${url}/`))
      .optional(),
  ),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .refine((value) => /^(file:.+|postgres(ql)?:\/\/.+)$/.test(value), {
        error: "is neither file:<folder> nor a postgresql:// URL",
      })
      .optional(),
  ),
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "is not a number" })
      .int({ error: "is not a whole number" })
      .min(0, { error: "is below 0" })
      .max(65535, { error: "is above 65535" })
      .default(3000),
  ),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "is not a log level" })
      .default("info"),
  ),
  DEFAULT_LOCALE: z.preprocess(
    emptyToUndefined,
    z.enum(SUPPORTED_LOCALES, { error: "is not a supported language" }).default("en"),
  ),
  DEFAULT_TIME_ZONE: z.preprocess(
    emptyToUndefined,
    z.string().refine(isTimeZone, { error: "is not a known time zone" }).default("UTC"),
  ),
  ADMIN_SLACK_USER_IDS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((value) =>
        value
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]+$/, { error: "holds something that is not a Slack user ID" })))
      .default([]),
  ),
});

// The placeholders .env.example ships with: a copy left as it is names no Slack app.
export const EXAMPLE_VALUES: Record<string, string> = {
  SLACK_BOT_TOKEN: "xoxb-your-bot-token",
  SLACK_SIGNING_SECRET: "your-signing-secret",
};

/** Rules that involve several settings, checked even when others are invalid. */
export function crossCheck(env: Record<string, string | undefined>): Array<{ name: string; message: string }> {
  const present = (name: string) => Boolean(env[name]?.trim());
  const examples = Object.entries(EXAMPLE_VALUES)
    .filter(([name, example]) => env[name]?.trim() === example)
    .map(([name]) => ({ name, message: "is still the example value from .env.example" }));
  if (examples.length > 0) return examples;
  if (!present("SLACK_APP_TOKEN") && !present("SLACK_SIGNING_SECRET")) {
    return [
      {
        name: "SLACK_SIGNING_SECRET",
        message: "is missing (it is required unless SLACK_APP_TOKEN turns on Socket Mode)",
      },
    ];
  }
  return [];
}

export type Environment = z.infer<typeof EnvironmentSchema>;
