// Signed `/rapport log` commands against the running app, on PGlite and on
// PostgreSQL, next to a bare Bolt app that only acks, measured in the same run.
// Prints requests per second and ack latency p50/p99 (median of the rounds) and
// the ratio to the baseline.
import { fmt, forEachTarget, load, median, type Target } from "./support.js";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const POSTGRES = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

async function measure(target: Target, round: number) {
  for (const user of ["U0BENCH1", "U0BENCH2", "U0BENCH3", "U0BENCH4"])
    target.slack.addUser({ id: user, name: user.toLowerCase() });
  const result = await load(REQUESTS, CONCURRENCY, (i) =>
    target.driver.command("/rapport", `log Bench Customer ${i % 50} complaint phone: round ${round} request ${i}`, {
      user: `U0BENCH${(i % 4) + 1}`,
    }),
  );
  // Every logged interaction is answered on its response_url: wait for them, so rounds do not overlap.
  if (target.rapport) {
    const deadline = Date.now() + 60_000;
    while (target.slack.callsTo("response_url").length < REQUESTS * (round + 1) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
  }
  return result;
}

export async function benchLogCommand(): Promise<void> {
  console.log(`\n/rapport log: ${REQUESTS} signed commands, ${CONCURRENCY} at a time, ${ROUNDS} rounds (medians)`);
  console.log(
    `${"target".padEnd(28)}${"req/s".padStart(8)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}  vs bare (req/s, p50)`,
  );
  let baseline: { rps: number; p50: number } | undefined;
  await forEachTarget(POSTGRES, async (target) => {
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) rounds.push(await measure(target, round));
    const rps = median(rounds.map((r) => r.rps));
    const p50 = median(rounds.map((r) => r.p50));
    const p99 = median(rounds.map((r) => r.p99));
    const failures = rounds.reduce((n, r) => n + r.failures, 0);
    baseline ??= { rps, p50 };
    const ratio = `${(rps / baseline.rps).toFixed(2)}x, ${(p50 / baseline.p50).toFixed(2)}x`;
    console.log(
      `${target.name.padEnd(28)}${fmt(rps, 0)}${fmt(p50)}${fmt(p99)}  ${ratio}${failures ? `  (${failures} non-200)` : ""}`,
    );
    if (target.rapport) {
      const stored = await target.rapport.database.prisma.interaction.count();
      console.log(`${"".padEnd(28)}stored ${stored} interactions (expected ${REQUESTS * ROUNDS})`);
    }
  });
}
