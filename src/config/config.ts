import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseDotenv } from "dotenv";
import type { SupportedLocale } from "../i18n/locales.js";
import { crossCheck, EnvironmentSchema, SETTING_HINTS } from "./config.schema.js";

export type DatabaseTarget =
  | { kind: "pglite" /** In memory when absent (tests). */; dataDir?: string }
  | { kind: "postgres"; url: string };

export interface Config {
  slack: {
    botToken: string;
    signingSecret: string | undefined;
    appToken: string | undefined;
    apiUrl: string | undefined;
  };
  database: DatabaseTarget;
  port: number;
  logLevel: string;
  defaultLocale: SupportedLocale;
  defaultTimeZone: string;
  adminSlackUserIds: string[];
  /** How often win-back nudges are handed out (a node-cron expression). */
  campaignSchedule: string;
  /** Requests per minute each API token may make. */
  apiRateLimit: number;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Turns environment variables into a Config, or one readable message naming every problem. */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): ConfigResult {
  const parsed = EnvironmentSchema.safeParse(env);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ name: String(i.path[0] ?? "environment"), message: i.message }))),
    ...crossCheck(env),
  ];
  if (!parsed.success || problems.length > 0) {
    const lines = problems.map(({ name, message }) => {
      const hint = SETTING_HINTS[name];
      return `  • ${name} ${message}.${hint ? `\n      Set it to ${hint}.` : ""}`;
    });
    return {
      ok: false,
      message: `Rapport cannot start: its configuration has ${lines.length === 1 ? "a problem" : `${lines.length} problems`}.\n${lines.join("\n")}\nSet these in the environment or in a .env file in ${cwd}.\nTo try Rapport without a Slack app, run \`npm run sandbox\`.`,
    };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: {
      slack: {
        botToken: e.SLACK_BOT_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        appToken: e.SLACK_APP_TOKEN,
        apiUrl: e.SLACK_API_URL,
      },
      database: databaseTarget(e.DATABASE_URL, cwd),
      port: e.PORT,
      logLevel: e.LOG_LEVEL,
      defaultLocale: e.DEFAULT_LOCALE,
      defaultTimeZone: e.DEFAULT_TIME_ZONE,
      adminSlackUserIds: e.ADMIN_SLACK_USER_IDS,
      campaignSchedule: e.CAMPAIGN_SCHEDULE,
      apiRateLimit: e.API_RATE_LIMIT,
    },
  };
}

function databaseTarget(url: string | undefined, cwd: string): DatabaseTarget {
  if (!url) return { kind: "pglite", dataDir: path.resolve(cwd, "data") };
  if (url.startsWith("file:")) return { kind: "pglite", dataDir: path.resolve(cwd, url.slice("file:".length)) };
  return { kind: "postgres", url };
}

/**
 * The process environment with `.env` (when present) filled in underneath:
 * a variable set in the environment wins over the file. The only reader of process.env.
 */
export function readEnvironment(cwd = process.cwd()): Record<string, string | undefined> {
  return { ...readDotenv(cwd).values, ...process.env };
}

/**
 * Which of `names` are set, and where: in the environment (which wins) or in the .env file in `cwd`
 * (left out when `withoutDotenv`).
 */
export function settingSources(
  names: string[],
  cwd = process.cwd(),
  withoutDotenv = false,
): { file: string; fromFile: string[]; fromEnvironment: string[] } {
  const dotenv = withoutDotenv ? { file: "", values: {} as Record<string, string> } : readDotenv(cwd);
  return {
    file: dotenv.file,
    fromFile: names.filter((name) => dotenv.values[name] && !process.env[name]),
    fromEnvironment: names.filter((name) => process.env[name]),
  };
}

/** The variables the .env file in `cwd` sets, and where that file is. */
export function readDotenv(cwd = process.cwd()): { file: string; values: Record<string, string> } {
  const file = path.join(cwd, ".env");
  return { file, values: existsSync(file) ? parseDotenv(readFileSync(file)) : {} };
}
