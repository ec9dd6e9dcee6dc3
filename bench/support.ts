import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { type Rapport, type RapportOptions, startRapport } from "../src/app.js";
import { parseConfig } from "../src/config/config.js";
import { createLogger } from "../src/logging/logger.js";
import { FakeSlack } from "../src/slack-stand-in/fake-slack.js";
import { SlackDriver } from "../src/slack-stand-in/slack-driver.js";
import { createScratchDatabase } from "../test/support/test-database.js";

export interface Target {
  name: string;
  driver: SlackDriver;
  slack: FakeSlack;
  rapport?: Rapport;
  stop(): Promise<void>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** Rapport itself, on PGlite in a temp folder or on a PostgreSQL URL. */
export async function startRapportTarget(
  name: string,
  databaseUrl: string,
  options: RapportOptions = {},
  env: Record<string, string> = {},
): Promise<Target> {
  const slack = await new FakeSlack().start();
  const secret = randomBytes(16).toString("hex");
  const parsed = parseConfig({
    ...slack.appEnv(secret),
    DATABASE_URL: databaseUrl,
    ...env,
  });
  if (!parsed.ok) throw new Error(parsed.message);
  const rapport = await startRapport(parsed.config, createLogger(process.env.BENCH_LOG_LEVEL ?? "silent"), options);
  return {
    name,
    slack,
    rapport,
    driver: new SlackDriver(`http://127.0.0.1:${rapport.port}`, secret, slack),
    async stop() {
      await rapport.stop();
      await slack.stop();
    },
  };
}

/** The baseline: a bare Bolt app over the same HTTP receiver that only acknowledges. */
export async function startBareBolt(): Promise<Target> {
  const slack = await new FakeSlack().start();
  const secret = randomBytes(16).toString("hex");
  const receiver = new HTTPReceiver({ signingSecret: secret, endpoints: "/slack/events", logLevel: LogLevel.ERROR });
  const app = new App({
    token: slack.botToken,
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: slack.apiUrl },
  });
  app.command("/rapport", async ({ ack }) => ack());
  app.options("customer_select", async ({ ack }) =>
    ack({ options: [{ text: { type: "plain_text", text: "Acme" }, value: "id:acme" }] }),
  );
  const server = (await app.start(0)) as Server;
  return {
    name: "bare Bolt (ack only)",
    slack,
    driver: new SlackDriver(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, secret, slack),
    async stop() {
      await app.stop();
      await slack.stop();
    },
  };
}

/** Runs `total` calls of `send`, `concurrency` at a time; returns each call's latency and the wall time. */
export async function load(total: number, concurrency: number, send: (i: number) => Promise<{ status: number }>) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        const { status } = await send(i);
        latencies.push(performance.now() - t0);
        if (status !== 200) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: total / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures, seconds };
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(8);

/**
 * Runs `measure` against the bare Bolt baseline, then Rapport on PGlite, then
 * Rapport on PostgreSQL (when `postgresAdminUrl` answers), one at a time, and
 * cleans up after each.
 */
export async function forEachTarget(
  postgresAdminUrl: string,
  measure: (target: Target) => Promise<void>,
): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), "rapport-bench-"));
  const scratch = await createScratchDatabase(postgresAdminUrl).catch(() => undefined);
  const targets: Array<() => Promise<Target>> = [
    startBareBolt,
    () => startRapportTarget("Rapport on PGlite", `file:${folder}`, { clock: false }),
    ...(scratch ? [() => startRapportTarget("Rapport on PostgreSQL", scratch.url, { clock: false })] : []),
  ];
  try {
    for (const start of targets) {
      const target = await start();
      try {
        await measure(target);
      } finally {
        await target.stop();
      }
    }
  } finally {
    await scratch?.drop();
    await rm(folder, { recursive: true, force: true });
  }
}

/** Runs `measure` on a scratch PostgreSQL database, then (unless BENCH_PGLITE=0) on PGlite in a temp folder. */
export async function onEachDatabase(
  postgresUrl: string,
  measure: (name: string, databaseUrl: string) => Promise<void>,
) {
  const scratch = await createScratchDatabase(postgresUrl).catch(() => undefined);
  try {
    if (scratch) await measure("PostgreSQL", scratch.url);
    else console.log("PostgreSQL not reachable: skipped");
  } finally {
    await scratch?.drop();
  }
  if (process.env.BENCH_PGLITE !== "0") {
    const folder = await mkdtemp(path.join(tmpdir(), "rapport-bench-"));
    try {
      await measure("PGlite", `file:${folder}`);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
}
