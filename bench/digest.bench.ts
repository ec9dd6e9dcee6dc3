// The time to build a weekly digest for a workspace with 1,000,000 interactions,
// 50,000 customers and 500 agents (ten teams) — next to the single best
// hand-written SQL query for the same totals, measured in the same run on the
// same database. Both answers are compared, so the baseline is known to count
// the same thing.
import type { Rapport } from "../src/app.js";
import { weekAt, weekBefore, weekPeriod, weekSpan, weeksUpTo } from "../src/domain/reports/report-period.js";
import { reportServiceOn } from "../src/domain/reports/report-wiring.js";
import type { Prisma } from "../src/generated/prisma/client.js";
import { renderWeeklyKindsChart } from "../src/slack/charts/weekly-kinds.chart.js";
import { fmt, median, onEachDatabase, startRapportTarget } from "./support.js";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 50_000);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 1_000_000);
const AGENTS = 500;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const POSTGRES = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const TIME_ZONE = "Europe/Helsinki";

export async function seed(rapport: Rapport): Promise<number> {
  const started = performance.now();
  const run = (sql: string) => rapport.database.prisma.$executeRawUnsafe(sql);
  await run(
    `INSERT INTO "Workspace" (id, "slackTeamId", "updatedAt", "timeZone") VALUES (gen_random_uuid(), 'T0RAPPORT', now(), '${TIME_ZONE}')`,
  );
  await run(
    `INSERT INTO "Team" (id, "workspaceId", name) SELECT gen_random_uuid(), w.id, 'Team ' || n FROM "Workspace" w, generate_series(1, 10) n`,
  );
  await run(`
    INSERT INTO "Member" (id, "workspaceId", "slackUserId", "teamId", "updatedAt")
    SELECT gen_random_uuid(), w.id, 'U0AG' || lpad(n::text, 4, '0'), t.id, now()
    FROM "Workspace" w, generate_series(1, ${AGENTS}) n
    JOIN (SELECT id, row_number() OVER (ORDER BY name) - 1 AS k FROM "Team") t ON t.k = n % 10`);
  await run(
    `INSERT INTO "Member" (id, "workspaceId", "slackUserId", role, "updatedAt") SELECT gen_random_uuid(), id, 'U0DIR', 'director', now() FROM "Workspace"`,
  );
  await run(`
    INSERT INTO "Customer" (id, "workspaceId", name, "normalizedName", "ownerId", "updatedAt")
    SELECT gen_random_uuid(), w.id, 'Customer ' || n, 'customer ' || n, m.id, now()
    FROM "Workspace" w, generate_series(1, ${CUSTOMERS}) n
    JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM "Member" WHERE role = 'agent') m ON m.k = n % ${AGENTS}`);
  // A year of interactions, evenly spread: about 19,000 a week.
  await run(`
    INSERT INTO "Interaction" (id, "workspaceId", "customerId", "authorId", kind, channel, outcome, summary, "occurredAt", "updatedAt")
    SELECT gen_random_uuid(), c."workspaceId", c.id, c."ownerId",
           (ARRAY['question','order','complaint','feedback','other']::"InteractionKind"[])[1 + n % 5],
           (ARRAY['phone','email','chat','in_person','social','other']::"ContactChannel"[])[1 + n % 6],
           (ARRAY['resolved','pending','escalated']::"Outcome"[])[1 + n % 3],
           'contact ' || n, now() - (n % 525600) * interval '1 minute', now()
    FROM generate_series(1, ${INTERACTIONS}) n
    JOIN (SELECT id, "workspaceId", "ownerId", row_number() OVER (ORDER BY id) - 1 AS k FROM "Customer") c
      ON c.k = n % ${CUSTOMERS}`);
  await run(`
    INSERT INTO "Escalation" (id, "workspaceId", "interactionId", "customerId", "teamId", "raisedById", status, reason, "requestedAction",
                              "dueAt", "handoffAt", "decidedAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), i."workspaceId", i.id, i."customerId", m."teamId", i."authorId",
           CASE WHEN random() < 0.7 THEN 'approved'::"EscalationStatus" ELSE 'open'::"EscalationStatus" END,
           (ARRAY['refund','late delivery','broken item'])[1 + (random() * 2)::int], 'refund',
           i."occurredAt" + interval '8 hours', i."occurredAt" + interval '16 hours',
           i."occurredAt" + random() * interval '30 hours', i."occurredAt", now()
    FROM "Interaction" i JOIN "Member" m ON m.id = i."authorId" WHERE i.kind = 'complaint' AND random() < 0.1`);
  await run(`UPDATE "Escalation" SET "decidedAt" = NULL WHERE status = 'open'`);
  await run(`
    INSERT INTO "EscalationEvent" (id, "escalationId", "toStatus", "createdAt")
    SELECT gen_random_uuid(), id, 'approved', "decidedAt" FROM "Escalation" WHERE "decidedAt" IS NOT NULL`);
  await run(`
    INSERT INTO "FollowUp" (id, "workspaceId", "customerId", "assigneeId", note, status, "dueAt", "completedAt", outcome)
    SELECT gen_random_uuid(), c."workspaceId", c.id, c."ownerId", 'check', s.status, s.due,
           CASE WHEN s.status = 'done' THEN s.due + random() * interval '2 days' END,
           CASE WHEN s.status = 'done' THEN 'satisfied' END
    FROM "Customer" c
    CROSS JOIN LATERAL (SELECT c.id AS customer, (ARRAY['pending','done','done']::"FollowUpStatus"[])[1 + (random() * 2)::int] AS status,
                               now() - random() * interval '180 days' AS due) s`);
  await run(`
    INSERT INTO "CustomerCondition" (id, "workspaceId", "customerId", condition, score, reasons, since)
    SELECT gen_random_uuid(), "workspaceId", id, CASE WHEN random() < 0.5 THEN 'lapsed' ELSE 'at_risk' END, 50, '[]', now() - random() * interval '90 days'
    FROM "Customer" WHERE random() < 0.2`);
  // The six default reason categories, and seven complaints in ten filed under one of them.
  await run(`
    INSERT INTO "ReasonCategory" (id, "workspaceId", key)
    SELECT gen_random_uuid(), w.id, k FROM "Workspace" w,
      unnest(ARRAY['delivery','billing','product_quality','staff_conduct','waiting_time','other']) k`);
  await run(`
    UPDATE "Interaction" i SET "reasonCategoryId" = (
      SELECT c.id FROM "ReasonCategory" c WHERE c."workspaceId" = i."workspaceId" ORDER BY c.key OFFSET (abs(hashtext(i.id::text)) % 6) LIMIT 1)
    WHERE i.kind = 'complaint' AND random() < 0.7`);
  // A root cause found for a third of those, within ten days; a satisfaction follow-up answered for
  // one complaint in five; one customer in fifty marked as lost.
  await run(`
    UPDATE "Interaction" i SET "rootCauseAt" = i."occurredAt" + random() * interval '10 days', "rootCauseCategoryId" = (
      SELECT c.id FROM "ReasonCategory" c WHERE c."workspaceId" = i."workspaceId" ORDER BY c.key OFFSET (abs(hashtext(i.id::text || 'r')) % 6) LIMIT 1)
    WHERE i.kind = 'complaint' AND i."reasonCategoryId" IS NOT NULL AND random() < 0.33`);
  await run(`
    INSERT INTO "FollowUp" (id, "workspaceId", "customerId", "assigneeId", "interactionId", note, status, "dueAt", "completedAt", outcome)
    SELECT gen_random_uuid(), i."workspaceId", i."customerId", i."authorId", i.id, 'satisfied?', 'done',
           i."occurredAt" + interval '3 days', i."occurredAt" + interval '3 days' + random() * interval '2 days',
           CASE WHEN random() < 0.7 THEN 'satisfied' ELSE 'not_satisfied' END
    FROM "Interaction" i WHERE i.kind = 'complaint' AND random() < 0.2`);
  await run(`
    UPDATE "Customer" SET status = 'churned', "churnedAt" = now() - random() * interval '300 days' WHERE random() < 0.02`);
  // What autovacuum does in production, done once so the figures do not depend on its timing.
  await run(`VACUUM ANALYZE`);
  return (performance.now() - started) / 1000;
}

/** The baseline: every total of the digest in one statement, written by hand for this one job. */
const HAND_WRITTEN = `
  WITH span AS (SELECT $2::timestamptz AS f, $3::timestamptz AS t, $4::timestamptz AS pf, $5::timestamptz AS pt),
  i AS (
    SELECT jsonb_build_object(
      'total', count(*) FILTER (WHERE "occurredAt" >= s.f),
      'previous', count(*) FILTER (WHERE "occurredAt" < s.f),
      'resolved', count(*) FILTER (WHERE "occurredAt" >= s.f AND outcome = 'resolved'),
      'complaints', count(*) FILTER (WHERE "occurredAt" >= s.f AND kind = 'complaint'),
      'question', count(*) FILTER (WHERE "occurredAt" >= s.f AND kind = 'question'),
      'order', count(*) FILTER (WHERE "occurredAt" >= s.f AND kind = 'order'),
      'phone', count(*) FILTER (WHERE "occurredAt" >= s.f AND channel = 'phone'),
      'email', count(*) FILTER (WHERE "occurredAt" >= s.f AND channel = 'email')) AS j
    FROM "Interaction", span s
    WHERE "workspaceId" = $1::uuid AND "deletedAt" IS NULL
      AND "occurredAt" >= s.pf AND "occurredAt" < s.t AND ("occurredAt" >= s.f OR "occurredAt" < s.pt)),
  e AS (
    SELECT jsonb_build_object(
      'opened', count(*) FILTER (WHERE "createdAt" >= s.f AND "createdAt" < s.t),
      'decided', count(*) FILTER (WHERE "decidedAt" >= s.f AND "decidedAt" < s.t),
      'median', percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "decidedAt" - "createdAt") / 3600)
                  FILTER (WHERE "decidedAt" >= s.f AND "decidedAt" < s.t),
      'breaches', count(*) FILTER (WHERE "dueAt" >= s.f AND "dueAt" < s.t AND NOT EXISTS (
                  SELECT 1 FROM "EscalationEvent" ev WHERE ev."escalationId" = x.id AND ev."toStatus" <> 'open' AND ev."createdAt" <= x."dueAt")),
      'deadlinesDue', count(*) FILTER (WHERE "dueAt" >= s.f AND "dueAt" < s.t),
      'decidedOnTime', count(*) FILTER (WHERE "dueAt" >= s.f AND "dueAt" < s.t AND "decidedAt" <= "handoffAt")) AS j
    FROM "Escalation" x, span s
    WHERE "workspaceId" = $1::uuid AND (("createdAt" >= s.f AND "createdAt" < s.t) OR ("decidedAt" >= s.f AND "decidedAt" < s.t)
      OR ("dueAt" >= s.f AND "dueAt" < s.t))),
  fu AS (
    SELECT jsonb_build_object(
      'due', count(*),
      'onTime', count(*) FILTER (WHERE status = 'done' AND "completedAt" <= "dueAt" + interval '1 day'),
      'open', count(*) FILTER (WHERE status = 'pending'),
      'byCover', count(*) FILTER (WHERE status = 'done' AND "completedById" = "coverId")) AS j
    FROM "FollowUp", span s WHERE "workspaceId" = $1::uuid AND "dueAt" >= s.f AND "dueAt" < s.t AND status <> 'cancelled'),
  r AS (
    SELECT jsonb_build_object('lapsed', count(*) FILTER (WHERE condition = 'lapsed'), 'atRisk', count(*) FILTER (WHERE condition = 'at_risk')) AS j
    FROM "CustomerCondition", span s WHERE "workspaceId" = $1::uuid AND since >= s.f AND since < s.t)
  SELECT i.j AS interactions, e.j AS escalations, fu.j AS "followUps", r.j AS retention FROM i, e, fu, r`;

/** The same, plus what the digest shows besides totals: per-person counts and eight weeks by kind. */
const HAND_WRITTEN_ALL = HAND_WRITTEN.replace(
  "SELECT i.j AS interactions",
  `, people AS (
    SELECT jsonb_agg(jsonb_build_array(a, n, p, c, o)) AS j FROM (
      SELECT ii."authorId" AS a, count(*) FILTER (WHERE ii."occurredAt" >= s.f) AS n, count(*) FILTER (WHERE ii."occurredAt" < s.f) AS p,
             count(*) FILTER (WHERE ii."occurredAt" >= s.f AND ii.kind = 'complaint') AS c,
             max(od.n) AS o
      FROM "Interaction" ii CROSS JOIN span s
      LEFT JOIN (SELECT "assigneeId", count(*) AS n FROM "FollowUp"
                 WHERE "workspaceId" = $1::uuid AND status = 'pending' AND "dueAt" < now() GROUP BY 1) od ON od."assigneeId" = ii."authorId"
      WHERE ii."workspaceId" = $1::uuid AND ii."deletedAt" IS NULL
        AND ii."occurredAt" >= s.pf AND ii."occurredAt" < s.t AND (ii."occurredAt" >= s.f OR ii."occurredAt" < s.pt)
      GROUP BY 1) x),
  weeks AS (
    SELECT jsonb_agg(jsonb_build_array(b, k, n)) AS j FROM (
      SELECT width_bucket(w."occurredAt", $6::timestamptz[]) AS b, w.kind AS k, count(*) AS n
      FROM "Interaction" w WHERE w."workspaceId" = $1::uuid AND w."deletedAt" IS NULL
        AND w."occurredAt" >= ($6::timestamptz[])[1] AND w."occurredAt" < $3
      GROUP BY 1, 2) y),
  categories AS (
    SELECT jsonb_agg(jsonb_build_array(cat, n, p)) AS j FROM (
      SELECT COALESCE("rootCauseCategoryId", "reasonCategoryId") AS cat, count(*) FILTER (WHERE "occurredAt" >= s.f) AS n,
             count(*) FILTER (WHERE "occurredAt" < s.pt) AS p
      FROM "Interaction", span s
      WHERE "workspaceId" = $1::uuid AND "deletedAt" IS NULL AND kind = 'complaint'
        AND COALESCE("rootCauseCategoryId", "reasonCategoryId") IS NOT NULL
        AND (("occurredAt" >= s.f AND "occurredAt" < s.t) OR ("occurredAt" >= s.pf AND "occurredAt" < s.pt))
      GROUP BY 1) z),
  roots AS (
    SELECT jsonb_agg(jsonb_build_array(cat, n, p) ORDER BY n DESC) AS j FROM (
      SELECT "rootCauseCategoryId" AS cat, count(*) FILTER (WHERE "rootCauseAt" >= s.f) AS n,
             count(*) FILTER (WHERE "rootCauseAt" < s.pt) AS p
      FROM "Interaction", span s
      WHERE "workspaceId" = $1::uuid AND "deletedAt" IS NULL AND "rootCauseCategoryId" IS NOT NULL
        AND (("rootCauseAt" >= s.f AND "rootCauseAt" < s.t) OR ("rootCauseAt" >= s.pf AND "rootCauseAt" < s.pt))
      GROUP BY 1) rz),
  -- Complaints judged 90 days on (their 90 days ended in the week, or the week before), each as it
  -- stood at its week's end: lost (churned, or silent for the lapsed days), else recovered (the
  -- follow-up said satisfied, or the next contact went well), per author.
  judged AS (
    SELECT jc."authorId" AS a, jc.cur, count(*) AS n,
      count(*) FILTER (WHERE NOT (
          coalesce(cu."churnedAt" > jc."occurredAt" AND cu."churnedAt" <= least(jc."occurredAt" + interval '90 days', jc.at), false)
          OR (w."lapsedDays" <= 90 AND jc."occurredAt" + make_interval(days => w."lapsedDays") <= jc.at
              AND (nx."occurredAt" IS NULL OR nx."occurredAt" > jc."occurredAt" + make_interval(days => w."lapsedDays"))))
        AND NOT coalesce(fs.unhappy, false)
        AND (coalesce(fs.happy, false) OR (nx.kind <> 'complaint' AND nx.outcome = 'resolved' AND nx.sentiment IS DISTINCT FROM 'negative'))) AS won
    FROM (
      SELECT c.id, c."authorId", c."customerId", c."occurredAt", c."occurredAt" >= $2::timestamptz - interval '90 days' AS cur,
             CASE WHEN c."occurredAt" >= $2::timestamptz - interval '90 days' THEN least($3::timestamptz, now())
                  ELSE least($5::timestamptz, now()) END AS at
      FROM "Interaction" c
      WHERE c."workspaceId" = $1::uuid AND c."deletedAt" IS NULL AND c.kind = 'complaint'
        AND ((c."occurredAt" >= $2::timestamptz - interval '90 days' AND c."occurredAt" < least($3::timestamptz, now()) - interval '90 days')
          OR (c."occurredAt" >= $4::timestamptz - interval '90 days' AND c."occurredAt" < least($5::timestamptz, now()) - interval '90 days'))
    ) jc
    JOIN "Customer" cu ON cu.id = jc."customerId"
    JOIN "Workspace" w ON w.id = $1::uuid
    LEFT JOIN LATERAL (
      SELECT x.kind, x.outcome, x.sentiment, x."occurredAt" FROM "Interaction" x
      WHERE x."workspaceId" = $1::uuid AND x."customerId" = jc."customerId" AND x."deletedAt" IS NULL
        AND x."occurredAt" > jc."occurredAt" AND x."occurredAt" <= least(jc."occurredAt" + interval '90 days', jc.at)
      ORDER BY x."occurredAt" LIMIT 1) nx ON true
    LEFT JOIN LATERAL (
      SELECT bool_or(f.outcome = 'satisfied') AS happy, bool_or(f.outcome = 'not_satisfied') AS unhappy
      FROM "FollowUp" f WHERE f."interactionId" = jc.id AND f.status = 'done' AND f."completedAt" <= jc.at) fs ON true
    GROUP BY 1, 2),
  recovery AS (SELECT jsonb_agg(jsonb_build_array(a, cur, n, won)) AS j FROM judged)
  SELECT people.j AS people, weeks.j AS weeks, categories.j AS categories, roots.j AS roots, recovery.j AS recovery,
    i.j AS interactions`,
).replace(/FROM i, e, fu, r$/, "FROM i, e, fu, r, people, weeks, categories, roots, recovery");

async function measure(name: string, databaseUrl: string): Promise<void> {
  const target = await startRapportTarget(name, databaseUrl, { clock: false });
  const rapport = target.rapport as Rapport;
  try {
    const seconds = await seed(rapport);
    const prisma = rapport.database.prisma;
    console.log(
      `\n${name}: seeded ${CUSTOMERS} customers, ${AGENTS} agents and ${INTERACTIONS} interactions in ${seconds.toFixed(0)} s`,
    );
    const reports = reportServiceOn(prisma, () => new Date());
    const workspace = await prisma.workspace.findFirstOrThrow();
    const team = await prisma.team.findFirstOrThrow({ orderBy: { name: "asc" } });
    const period = weekPeriod(weekBefore(weekAt(new Date(), TIME_ZONE)), TIME_ZONE, new Date());

    const timed = async <T>(work: () => Promise<T>) => {
      const samples: number[] = [];
      let last: T | undefined;
      for (let i = 0; i < ROUNDS; i++) {
        const t0 = performance.now();
        last = await work();
        samples.push(performance.now() - t0);
      }
      return { ms: median(samples), last: last as T };
    };
    // Both baselines run as Rapport's report queries do: without parallel workers (faster on two cores).
    const serially = async <T>(query: Prisma.PrismaPromise<T>) =>
      (await prisma.$transaction([prisma.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`, query]))[1];
    const baseline = await timed(() =>
      serially(
        prisma.$queryRawUnsafe<Array<Record<string, Record<string, number | null>>>>(
          HAND_WRITTEN,
          workspace.id,
          period.from,
          period.to,
          period.previous.from,
          period.previous.to,
        ),
      ),
    );
    const weekStarts = weeksUpTo(weekAt(period.from, TIME_ZONE), 8).map(
      (w) => weekSpan(w.year, w.week, TIME_ZONE).from,
    );
    const baselineAll = await timed(() =>
      serially(
        prisma.$queryRawUnsafe<unknown[]>(
          HAND_WRITTEN_ALL,
          workspace.id,
          period.from,
          period.to,
          period.previous.from,
          period.previous.to,
          [...weekStarts, period.to],
        ),
      ),
    );
    const digest = await timed(() => reports.buildDigest({ workspaceId: workspace.id }, period, TIME_ZONE));
    const teamDigest = await timed(() =>
      reports.buildDigest({ workspaceId: workspace.id, teamId: team.id }, period, TIME_ZONE),
    );
    const chart = await timed(() => renderWeeklyKindsChart(digest.last.weeks));

    const hand = baseline.last[0] ?? {};
    const f = digest.last.figures;
    const handCategories = ((baselineAll.last[0] as { categories?: number[][] } | undefined)?.categories ?? []).map(
      ([, n, p]) => [Number(n), Number(p)],
    );
    const sum = (rows: number[][], i: number) => rows.reduce((total, row) => total + (row[i] ?? 0), 0);
    const all = (baselineAll.last[0] ?? {}) as {
      roots?: number[][];
      recovery?: Array<[string, boolean, number, number]>;
    };
    const handRoots = (all.roots ?? []).slice(0, 3).map(([, n]) => Number(n));
    const handRecovery = (current: boolean) =>
      (all.recovery ?? [])
        .filter((row) => row[1] === current)
        .reduce((t, row) => ({ judged: t.judged + Number(row[2]), recovered: t.recovered + Number(row[3]) }), {
          judged: 0,
          recovered: 0,
        });
    // Each figure by hand beside Rapport's; any that differ are named.
    const pairs: Array<[string, unknown, unknown]> = [
      ["top root causes", handRoots, f.rootCauses.map((c) => c.count)],
      ["recovery", handRecovery(true), f.recovery.current],
      ["recovery before", handRecovery(false), f.recovery.previous],
      ["by category", sum(handCategories, 0), f.reasonCategories.reduce((n, c) => n + c.count, 0)],
      ["by category before", sum(handCategories, 1), f.reasonCategories.reduce((n, c) => n + c.previous, 0)],
      ["interactions", Number(hand.interactions?.total), f.volume.total],
      ["interactions before", Number(hand.interactions?.previous), f.previousVolume.total],
      ["resolved", Number(hand.interactions?.resolved), f.volume.resolved],
      ["complaints", Number(hand.interactions?.complaints), f.volume.complaints],
      ["by phone", Number(hand.interactions?.phone), f.volume.byChannel.phone],
      ["opened", Number(hand.escalations?.opened), f.escalations.opened],
      ["decided", Number(hand.escalations?.decided), f.escalations.decided],
      ["breaches", Number(hand.escalations?.breaches), f.escalations.breaches],
      ["deadlines due", Number(hand.escalations?.deadlinesDue), f.escalations.deadlinesDue],
      ["decided on time", Number(hand.escalations?.decidedOnTime), f.escalations.decidedOnTime],
      [
        "median decision",
        Math.round(Number(hand.escalations?.median) * 1e6),
        Math.round(Number(f.escalations.medianDecisionHours) * 1e6),
      ],
      ["follow-ups due", Number(hand.followUps?.due), f.followUps.due],
      ["on time", Number(hand.followUps?.onTime), f.followUps.onTime],
      ["by cover", Number(hand.followUps?.byCover), f.followUps.byCover],
      ["lapsed", Number(hand.retention?.lapsed), f.retention.lapsed],
    ];
    const differ = pairs.filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b));
    const same = differ.length === 0;
    for (const [label, a, b] of differ)
      console.log(`  differs: ${label}: by hand ${JSON.stringify(a)}, Rapport ${JSON.stringify(b)}`);
    console.log(
      `  week ${period.label}: ${f.volume.total} interactions (${f.previousVolume.total} the week before), ${f.escalations.opened} escalations opened, ${f.followUps.due} follow-ups due, ${f.recovery.current.judged} complaints judged (${f.recovery.current.recovered} won back)`,
    );
    console.log(`  ${"hand-written SQL, totals only (1 query)".padEnd(48)} median ${fmt(baseline.ms, 1)} ms`);
    console.log(
      `  ${"hand-written SQL, + people, 8 weeks, categories, root causes, recovery (1 query)".padEnd(48)} median ${fmt(baselineAll.ms, 1)} ms`,
    );
    console.log(
      `  ${"Rapport digest, workspace (all figures)".padEnd(48)} median ${fmt(digest.ms, 1)} ms  (${(digest.ms / baselineAll.ms).toFixed(2)}× the same figures by hand, ${(digest.ms / baseline.ms).toFixed(2)}× the totals alone)`,
    );
    console.log(
      `  ${"Rapport digest, one team of 50".padEnd(48)} median ${fmt(teamDigest.ms, 1)} ms  (${(teamDigest.ms / baseline.ms).toFixed(2)}× the workspace totals by hand)`,
    );
    console.log(`  ${"chart (8 weeks, PNG)".padEnd(48)} median ${fmt(chart.ms, 1)} ms`);
    console.log(`  the digest's totals and the hand-written query's agree: ${same ? "yes" : "NO"}`);
  } finally {
    await target.stop();
  }
}

export async function benchDigest(): Promise<void> {
  console.log(`\n== weekly digest build (${ROUNDS} rounds, medians) ==`);
  await onEachDatabase(POSTGRES, measure);
}
