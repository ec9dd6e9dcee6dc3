// Signed one-line `/rapport log` commands, counted as the agent counts them: a log is *completed*
// when it is stored and its confirmation has arrived (in the acknowledgement, or on response_url).
// Next to a bare Bolt app that only acknowledges, measured in the same run, at 8 and 16 at a time,
// for new and for known customers, on PGlite and on PostgreSQL. Prints completed logs per second,
// ack p50/p99, failed answers and rows stored (medians of the rounds), and the ratio to bare Bolt.
// Then: ack p99 for one-liners sent while the hourly retention pass runs at 100,000 customers.
import type { Rapport } from "../src/app.js";
import type { Target } from "./support.js";
import { fmt, forEachTarget, median, percentile } from "./support.js";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? "8,16").split(",").map(Number);
const RETENTION_CUSTOMERS = Number(process.env.BENCH_RETENTION_CUSTOMERS ?? 100_000);
const POSTGRES = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
export const USERS = ["U0BENCH1", "U0BENCH2", "U0BENCH3", "U0BENCH4"];
const KNOWN = 50;

export interface Round {
  completedPerSecond: number;
  ackP50: number;
  ackP99: number;
  failed: number;
  stored: number;
}

const storedCount = (target: Target) => target.rapport?.database.prisma.interaction.count() ?? Promise.resolve(0);

/** `total` one-liners, `concurrency` at a time; a log completes when its confirmation is in. */
export async function round(target: Target, total: number, concurrency: number, text: (i: number) => string) {
  const before = await storedCount(target);
  const acks: number[] = [];
  const pending: Array<{ path: string; sentAt: number }> = [];
  const done: number[] = [];
  let failed = 0;
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const sentAt = Date.now();
        const response = await target.driver.command("/rapport", text(i), { user: USERS[i % USERS.length] ?? "" });
        acks.push(Date.now() - sentAt);
        if (response.status !== 200) failed++;
        else if (!target.rapport || response.answeredInAck) {
          if (/sorry|went wrong/i.test(response.body)) failed++;
          else done.push(Date.now());
        } else pending.push({ path: new URL(response.responseUrl).pathname, sentAt });
      }
    }),
  );
  // The rest are answered on their response_url: wait for each (60 s at most).
  const deadline = Date.now() + 60_000;
  for (const { path } of pending) {
    let answer = target.slack.callsTo("response_url").find((c) => c.args.url === path);
    while (!answer && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
      answer = target.slack.callsTo("response_url").find((c) => c.args.url === path);
    }
    if (!answer || /sorry|went wrong/i.test(JSON.stringify(answer.args))) failed++;
    else done.push(answer.at);
  }
  const last = Math.max(...done, started + 1);
  acks.sort((a, b) => a - b);
  return {
    completedPerSecond: done.length / ((last - started) / 1000),
    ackP50: percentile(acks, 50),
    ackP99: percentile(acks, 99),
    failed,
    stored: (await storedCount(target)) - before,
  } satisfies Round;
}

const baseline = new Map<string, number>();

async function measure(target: Target): Promise<void> {
  for (const user of USERS) target.slack.addUser({ id: user, name: user.toLowerCase() });
  // Not measured: the bench users register and the known customers are created.
  await round(target, KNOWN * 2, 4, (i) => `log Bench Known ${i % KNOWN} question phone: warm-up ${i}`);
  for (const concurrency of CONCURRENCIES) {
    for (const customers of ["new", "known"] as const) {
      const rounds: Round[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const tag = `${concurrency}-${customers}-${r}`;
        rounds.push(
          await round(target, REQUESTS, concurrency, (i) =>
            customers === "new"
              ? `log Bench New ${tag}-${i} complaint phone: round ${tag} request ${i}`
              : `log Bench Known ${i % KNOWN} complaint phone: round ${tag} request ${i}`,
          ),
        );
      }
      const rate = median(rounds.map((x) => x.completedPerSecond));
      const key = `${concurrency}-${customers}`;
      if (!target.rapport) baseline.set(key, rate);
      const ratio = rate / (baseline.get(key) ?? Number.NaN);
      const failed = rounds.map((x) => x.failed).join("/");
      const stored = target.rapport ? rounds.map((x) => x.stored).join("/") : "-";
      console.log(
        `${target.name.padEnd(24)}${String(concurrency).padStart(4)} ${customers.padEnd(6)}${fmt(rate, 0)}` +
          `${fmt(median(rounds.map((x) => x.ackP50)), 0)}${fmt(median(rounds.map((x) => x.ackP99)), 0)}` +
          `${fmt(ratio, 2)}x  failed ${failed}  stored ${stored}`,
      );
    }
  }
}

async function seedCustomers(rapport: Rapport, count: number) {
  const run = (sql: string) => rapport.database.prisma.$executeRawUnsafe(sql);
  await run(`
    INSERT INTO "Customer" (id, "workspaceId", name, "normalizedName", "updatedAt")
    SELECT gen_random_uuid(), w.id, 'Retained ' || n, 'retained ' || n, now()
    FROM "Workspace" w, generate_series(1, ${count}) n`);
  await run(`
    INSERT INTO "Interaction" (id, "workspaceId", "customerId", "authorId", kind, channel, summary, "occurredAt", "updatedAt")
    SELECT gen_random_uuid(), c."workspaceId", c.id, m.id, 'complaint', 'phone', 'old', now() - (g % 200) * interval '1 day', now()
    FROM "Customer" c CROSS JOIN generate_series(1, 3) g
    JOIN LATERAL (SELECT id FROM "Member" LIMIT 1) m ON true
    WHERE c.name LIKE 'Retained %'`);
  await run("ANALYZE");
}

/** Acks of one-liners sent while the hourly retention pass runs over every customer. */
async function duringRetention(target: Target): Promise<void> {
  const rapport = target.rapport;
  if (!rapport) return;
  for (const user of USERS) target.slack.addUser({ id: user, name: user.toLowerCase() });
  await round(target, KNOWN, 4, (i) => `log Bench Known ${i % KNOWN} question phone: warm-up ${i}`);
  const t0 = performance.now();
  await seedCustomers(rapport, RETENTION_CUSTOMERS);
  const seeded = (performance.now() - t0) / 1000;
  let passMs = 0;
  const passStart = performance.now();
  const pass = rapport.scheduler.runNow("retention", new Date(Date.UTC(2030, 0, 1))).then(() => {
    passMs = performance.now() - passStart;
  });
  const rounds: Round[] = [];
  let sent = 0;
  while (!passMs || rounds.length === 0) {
    rounds.push(
      await round(target, 160, 16, (i) => `log Bench Known ${i % KNOWN} order chat: during retention ${sent + i}`),
    );
    sent += 160;
  }
  await pass;
  const acks = rounds.map((x) => x.ackP99);
  console.log(
    `${target.name.padEnd(24)} retention pass ${fmt(passMs / 1000, 1)} s over ${RETENTION_CUSTOMERS} customers` +
      ` (seeded in ${seeded.toFixed(0)} s): ${sent} one-liners at 16, ack p99 ${fmt(median(acks), 0)} ms (median of ${rounds.length} rounds; worst ${Math.max(...acks).toFixed(0)} ms),` +
      ` completed ${fmt(median(rounds.map((x) => x.completedPerSecond)), 0)}/s, failed ${rounds.reduce((n, x) => n + x.failed, 0)}`,
  );
}

export async function benchLogCommand(): Promise<void> {
  console.log(`\n/rapport log, one-liners: ${REQUESTS} per round, ${ROUNDS} rounds (medians)`);
  console.log("completed = stored and confirmed (in the ack or on response_url); bare Bolt only acks");
  console.log(
    `${"target".padEnd(24)}${"conc".padStart(4)} ${"cust.".padEnd(6)}${"done/s".padStart(8)}${"ack p50".padStart(8)}` +
      `${"ack p99".padStart(8)}${"vs bare".padStart(9)}`,
  );
  await forEachTarget(POSTGRES, measure);
  if (process.env.BENCH_RETENTION !== "0") {
    console.log("\nAcks while the hourly retention pass runs:");
    await forEachTarget(POSTGRES, duringRetention);
  }
}
