// What a scheduler tick costs when nothing is due, in a workspace with
// 100,000 customers, 1,000,000 interactions, 10,000 follow-ups waiting for
// later and 2,000 open escalations whose deadlines are still ahead — next to
// one database round trip (SELECT 1) measured in the same run. The hourly
// retention pass, which looks at every active customer by design, is
// measured too.
import type { Rapport } from "../src/app.js";
import { fmt, median, onEachDatabase, percentile, startRapportTarget } from "./support.js";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 1_000_000);
const TICKS = Number(process.env.BENCH_TICKS ?? 20);
const POSTGRES = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const JOBS = ["escalation-deadlines", "follow-ups", "campaigns"] as const;

async function seed(rapport: Rapport): Promise<number> {
  const started = performance.now();
  const prisma = rapport.database.prisma;
  const run = (sql: string) => prisma.$executeRawUnsafe(sql);
  await run(`INSERT INTO "Workspace" (id, "slackTeamId", "updatedAt") VALUES (gen_random_uuid(), 'T0RAPPORT', now())`);
  await run(`
    INSERT INTO "Member" (id, "workspaceId", "slackUserId", "updatedAt")
    SELECT gen_random_uuid(), w.id, 'U0AG' || lpad(n::text, 4, '0'), now()
    FROM "Workspace" w, generate_series(1, 500) n`);
  await run(`
    INSERT INTO "Customer" (id, "workspaceId", name, "normalizedName", "ownerId", "updatedAt")
    SELECT gen_random_uuid(), w.id, 'Customer ' || n, 'customer ' || n, m.id, now()
    FROM "Workspace" w, generate_series(1, ${CUSTOMERS}) n
    JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM "Member") m ON m.k = n % 500`);
  await run(`
    INSERT INTO "Interaction" (id, "workspaceId", "customerId", "authorId", kind, channel, summary, "occurredAt", "updatedAt")
    SELECT gen_random_uuid(), c."workspaceId", c.id, c."ownerId",
           (ARRAY['question','order','complaint','feedback']::"InteractionKind"[])[1 + n % 4],
           (ARRAY['phone','email','chat','in_person']::"ContactChannel"[])[1 + n % 4],
           'contact ' || n, now() - (n % 365) * interval '1 day', now()
    FROM generate_series(1, ${INTERACTIONS}) n
    JOIN (SELECT id, "workspaceId", "ownerId", row_number() OVER (ORDER BY id) - 1 AS k FROM "Customer") c
      ON c.k = n % ${CUSTOMERS}`);
  await run(`
    INSERT INTO "FollowUp" (id, "workspaceId", "customerId", "assigneeId", note, "dueAt")
    SELECT gen_random_uuid(), c."workspaceId", c.id, c."ownerId", 'later', now() + (1 + random() * 30) * interval '1 day'
    FROM "Customer" c LIMIT 10000`);
  await run(`
    INSERT INTO "Escalation" (id, "workspaceId", "interactionId", "customerId", "raisedById", reason, "requestedAction",
                              "channelId", "messageTs", "dueAt", "handoffAt", "updatedAt")
    SELECT gen_random_uuid(), i."workspaceId", i.id, i."customerId", i."authorId", 'refund', 'refund',
           'C0MGRS', '1.000001', now() + interval '2 days', now() + interval '4 days', now()
    FROM "Interaction" i LIMIT 2000`);
  await run(`ANALYZE`);
  return (performance.now() - started) / 1000;
}

async function measure(name: string, databaseUrl: string): Promise<void> {
  const target = await startRapportTarget(name, databaseUrl, { clock: false });
  const rapport = target.rapport as Rapport;
  try {
    const seconds = await seed(rapport);
    console.log(`\n${name}: seeded ${CUSTOMERS} customers and ${INTERACTIONS} interactions in ${seconds.toFixed(0)} s`);
    const timed = async (work: () => Promise<unknown>, times: number) => {
      const samples: number[] = [];
      for (let i = 0; i < times; i++) {
        const t0 = performance.now();
        await work();
        samples.push(performance.now() - t0);
      }
      samples.sort((a, b) => a - b);
      return { p50: median(samples), p90: percentile(samples, 90) };
    };
    const base = await timed(() => rapport.database.prisma.$queryRaw`SELECT 1`, 50);
    console.log(`  ${"one round trip (SELECT 1)".padEnd(40)} p50 ${fmt(base.p50, 2)} ms  p90 ${fmt(base.p90, 2)} ms`);
    const slot = Date.UTC(2030, 0, 1);
    for (const job of JOBS) {
      let n = 0;
      const tick = await timed(() => rapport.scheduler.runNow(job, new Date(slot + n++ * 60_000)), TICKS);
      console.log(
        `  ${`${job} tick, nothing due`.padEnd(40)} p50 ${fmt(tick.p50, 2)} ms  p90 ${fmt(tick.p90, 2)} ms` +
          `  (${(tick.p50 / base.p50).toFixed(1)}× one round trip)`,
      );
    }
    let n = 0;
    const retention = await timed(() => rapport.scheduler.runNow("retention", new Date(slot + n++ * 3_600_000)), 3);
    console.log(
      `  ${"retention pass (every customer)".padEnd(40)} p50 ${fmt(retention.p50, 0)} ms  p90 ${fmt(retention.p90, 0)} ms` +
        `  (hourly; ${(retention.p50 / base.p50).toFixed(0)}× one round trip)`,
    );
  } finally {
    await target.stop();
  }
}

export async function benchSchedulerTick(): Promise<void> {
  console.log(`\n== scheduler tick with nothing due (${TICKS} ticks per job, medians) ==`);
  await onEachDatabase(POSTGRES, measure);
}
