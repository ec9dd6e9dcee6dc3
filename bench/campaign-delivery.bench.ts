// How fast a campaign of 10,000 nudges is handed out against Slack's limit of
// about one message a second per conversation (each person's DM is one), on
// PostgreSQL. Two baselines from the same run: the ceiling that limit allows
// (one a second per person), and how fast a bare Web API client posts the same
// messages to the same fake Slack with no database and no pacing.
import { WebClient } from "@slack/web-api";
import type { Rapport } from "../src/app.js";
import { FAKE_TEAM_ID } from "../src/slack-stand-in/fake-slack.js";
import { createScratchDatabase } from "../test/support/test-database.js";
import { startRapportTarget } from "./support.js";

const NUDGES = Number(process.env.BENCH_NUDGES ?? 10_000);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 250);
const POSTGRES = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

async function seed(rapport: Rapport): Promise<void> {
  const run = (sql: string) => rapport.database.prisma.$executeRawUnsafe(sql);
  await run(`
    INSERT INTO "Workspace" (id, "slackTeamId", "businessStart", "businessEnd", "businessDays", "updatedAt")
    VALUES (gen_random_uuid(), '${FAKE_TEAM_ID}', 0, 1440, '{1,2,3,4,5,6,7}', now())`);
  await run(`
    INSERT INTO "Member" (id, "workspaceId", "slackUserId", role, "timeZone", "updatedAt")
    SELECT gen_random_uuid(), w.id, 'U0AG' || lpad(n::text, 5, '0'), CASE WHEN n = 0 THEN 'manager'::"Role" ELSE 'agent' END, 'UTC', now()
    FROM "Workspace" w, generate_series(0, ${PEOPLE}) n`);
  await run(`
    INSERT INTO "Customer" (id, "workspaceId", name, "normalizedName", "ownerId", tags, "updatedAt")
    SELECT gen_random_uuid(), w.id, 'Customer ' || n, 'customer ' || n,
           (SELECT m.id FROM "Member" m WHERE m."slackUserId" = 'U0AG' || lpad((1 + n % ${PEOPLE})::text, 5, '0')),
           '{bench}', now()
    FROM "Workspace" w, generate_series(1, ${NUDGES}) n`);
  await run(`
    INSERT INTO "Campaign" (id, "workspaceId", name, offer, segment, tag, "startsAt", "endsAt", "createdById")
    SELECT gen_random_uuid(), w.id, 'Bench', 'Ten per cent off', 'tag', 'bench', now() - interval '1 minute',
           now() + interval '7 days', m.id
    FROM "Workspace" w JOIN "Member" m ON m.role = 'manager'`);
}

export async function benchCampaignDelivery(): Promise<void> {
  console.log(`\n== win-back campaign: ${NUDGES} nudges to ${PEOPLE} people, Slack allowing ~1 message/s per DM ==`);
  const scratch = await createScratchDatabase(POSTGRES).catch(() => undefined);
  if (!scratch) return void console.log("PostgreSQL not reachable: skipped");
  const target = await startRapportTarget("Rapport on PostgreSQL", scratch.url, { clock: false });
  const rapport = target.rapport as Rapport;
  try {
    const { slack } = target;
    await seed(rapport);

    // Baseline: the same number of messages straight from a Web API client, 20 at a time, no limit.
    const bare = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < NUDGES) {
          const i = next++;
          await bare.chat.postMessage({ channel: `C0BARE${i % PEOPLE}`, text: `message ${i}` });
        }
      }),
    );
    const bareRate = NUDGES / ((performance.now() - t0) / 1000);

    slack.limitPerChannel({ burst: 3, perSecond: 1 });
    const t1 = performance.now();
    let slot = Date.UTC(2030, 0, 1);
    const sent = async () =>
      Number(
        (
          await rapport.database.prisma.$queryRaw<Array<{ n: bigint }>>`
          SELECT count(*) AS n FROM "Outreach" WHERE status = 'sent'`
        )[0]?.n ?? 0,
      );
    while ((await sent()) < NUDGES) {
      await rapport.scheduler.runNow("campaigns", new Date(slot));
      slot += 60_000;
    }
    const seconds = (performance.now() - t1) / 1000;
    const rate = NUDGES / seconds;
    const ceiling = PEOPLE; // one message a second per person
    const nudgeCalls = slack
      .callsTo("chat.postMessage")
      .filter((c) => (c.args.metadata as object | undefined) !== undefined);
    console.log(`  bare Web API client, no limit:      ${bareRate.toFixed(0).padStart(6)} msg/s`);
    console.log(`  Slack's ceiling (1/s × ${PEOPLE} people): ${String(ceiling).padStart(6)} msg/s`);
    console.log(
      `  Rapport, paced:                     ${rate.toFixed(0).padStart(6)} msg/s  (${seconds.toFixed(1)} s; ` +
        `${(rate / ceiling).toFixed(2)}× the ceiling, ${(rate / bareRate).toFixed(2)}× the bare client; ` +
        `${slack.channelLimited} per-DM 429s, ${nudgeCalls.length} postMessage calls)`,
    );
  } finally {
    await target.stop();
    await scratch.drop();
  }
}
