// POST /api/v1/interactions, counted as the calling system counts it: completed when the 201 (the
// interaction stored) is back. Next to the Slack one-liner's completed logs (stored and confirmed),
// measured in the same run on the same app, 16 at a time, for known and for new customers, on
// PostgreSQL and PGlite. Prints completed per second, p50/p99, failures and rows stored.
import type { Rapport } from "../src/app.js";
import { type Round, round, USERS } from "./log-command.bench.js";
import { fmt, median, onEachDatabase, percentile, startRapportTarget, type Target } from "./support.js";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = 16;
const KNOWN = 50;
const POSTGRES = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

const stored = (rapport: Rapport) => rapport.database.prisma.interaction.count();

async function apiRound(target: Target, token: string, customer: (i: number) => string, tag: string): Promise<Round> {
  const rapport = target.rapport as Rapport;
  const before = await stored(rapport);
  const url = `http://127.0.0.1:${rapport.port}/api/v1/interactions`;
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        const i = next++;
        const t0 = performance.now();
        const response = await fetch(url, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({
            customer: { name: customer(i) },
            kind: "complaint",
            channel: "phone",
            summary: `round ${tag} request ${i}`,
            author: { slackUserId: USERS[i % USERS.length] },
          }),
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (response.status !== 201) failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    completedPerSecond: (REQUESTS - failed) / seconds,
    ackP50: percentile(latencies, 50),
    ackP99: percentile(latencies, 99),
    failed,
    stored: (await stored(rapport)) - before,
  };
}

async function measure(name: string, databaseUrl: string): Promise<void> {
  const target = await startRapportTarget(
    `Rapport on ${name}`,
    databaseUrl,
    { clock: false },
    { API_RATE_LIMIT: "100000" },
  );
  try {
    for (const user of USERS) target.slack.addUser({ id: user, name: user.toLowerCase() });
    // Not measured: the bench users register (the first becomes admin), the known customers are made, a token.
    await round(target, KNOWN * 2, 4, (i) => `log Bench Known ${i % KNOWN} question phone: warm-up ${i}`);
    const created = await target.driver.command("/rapport", "api token create bench write", { user: USERS[0] ?? "" });
    const answer = created.answeredInAck
      ? created.body
      : JSON.stringify(
          target.slack.callsTo("response_url").find((c) => c.args.url === new URL(created.responseUrl).pathname)?.args,
        );
    const token = /rpt_[A-Za-z0-9_-]{43}/.exec(answer)?.[0];
    if (!token) throw new Error(`no token in ${answer}`);
    for (const customers of ["known", "new"] as const) {
      const slack: Round[] = [];
      const api: Round[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const tag = `${customers}-${r}`;
        const name = (i: number) => (customers === "known" ? `Bench Known ${i % KNOWN}` : `Bench New ${tag}-${i}`);
        // Alternate which goes first, so neither always meets a warmer or fuller database.
        const slackRound = () =>
          round(target, REQUESTS, CONCURRENCY, (i) => `log ${name(i)} complaint phone: slack ${tag} ${i}`);
        const apiRound_ = () =>
          apiRound(target, token, (i) => (customers === "known" ? name(i) : `${name(i)} api`), tag);
        if (r % 2) {
          api.push(await apiRound_());
          slack.push(await slackRound());
        } else {
          slack.push(await slackRound());
          api.push(await apiRound_());
        }
      }
      const rate = (rounds: Round[]) => median(rounds.map((x) => x.completedPerSecond));
      for (const [label, rounds] of [
        ["Slack one-liner", slack],
        ["POST /interactions", api],
      ] as const)
        console.log(
          `${target.name.padEnd(24)}${customers.padEnd(7)}${label.padEnd(20)}${fmt(rate(rounds), 0)}` +
            `${fmt(median(rounds.map((x) => x.ackP50)), 0)}${fmt(median(rounds.map((x) => x.ackP99)), 0)}` +
            `${fmt(rate(rounds) / rate(slack), 2)}x  failed ${rounds.map((x) => x.failed).join("/")}  stored ${rounds.map((x) => x.stored).join("/")}`,
        );
    }
  } finally {
    await target.stop();
  }
}

export async function benchApiInteractions(): Promise<void> {
  console.log(
    `\nPOST /api/v1/interactions next to the Slack one-liner, ${CONCURRENCY} at a time: ${REQUESTS} per round, ${ROUNDS} rounds (medians)`,
  );
  console.log("completed: the API's 201 is back (stored); the one-liner stored and confirmed (ack or response_url)");
  console.log(
    `${"target".padEnd(24)}${"cust.".padEnd(7)}${"how".padEnd(20)}${"done/s".padStart(8)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}${"vs Slack".padStart(9)}`,
  );
  await onEachDatabase(POSTGRES, measure);
}
