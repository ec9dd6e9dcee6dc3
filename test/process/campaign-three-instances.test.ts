import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUTREACH_EVENT } from "../../src/slack/ids.js";
import { FAKE_TEAM_ID, FakeSlack, type StoredMessage } from "../../src/slack-stand-in/fake-slack.js";
import { SlackDriver } from "../../src/slack-stand-in/slack-driver.js";
import {
  createScratchDatabase,
  POSTGRES_SKIP_REASON,
  type ScratchDatabase,
  TEST_DATABASE_URL,
} from "../support/test-database.js";
import { type MainProcess, runMain } from "./run-main.js";

// Three Rapport processes on one PostgreSQL hand out a campaign of 3,000
// nudges to 150 people through a Slack that limits each DM to about one
// message a second and fails at random (429, 500, and 500 after posting);
// one process is killed while it holds nudges in flight. Every nudge must
// arrive exactly once.

const CUSTOMERS = 3_000;
const AGENTS = 150;
const MANAGER = { user: "U0CAMPMGR", channel: "C0CAMP" };

const outreachIdOf = (m: StoredMessage) =>
  (m.args.metadata as { event_type?: string; event_payload?: { id?: string } } | undefined)?.event_type ===
  OUTREACH_EVENT
    ? ((m.args.metadata as { event_payload: { id?: string } }).event_payload.id ?? null)
    : null;

describe.skipIf(!TEST_DATABASE_URL)(
  `a campaign across three instances${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    let slack: FakeSlack;
    let scratch: ScratchDatabase;
    let sql: pg.Client;
    const processes: Array<{ main: MainProcess; port: number; instanceId: string }> = [];
    const secret = randomBytes(16).toString("hex");

    beforeAll(async () => {
      slack = await new FakeSlack().start();
      slack.addUser({ id: MANAGER.user, name: "camp manager" });
      scratch = await createScratchDatabase();
      for (let i = 0; i < 3; i++) {
        const main = runMain({
          SLACK_BOT_TOKEN: slack.botToken,
          SLACK_SIGNING_SECRET: secret,
          SLACK_API_URL: slack.apiUrl,
          DATABASE_URL: scratch.url,
          PORT: "0",
          LOG_LEVEL: "info",
          CAMPAIGN_SCHEDULE: "*/2 * * * * *",
        });
        await main.waitForOutput("Rapport is running", 60_000);
        const line = main
          .stdout()
          .split("\n")
          .find((l) => l.includes("Rapport is running")) as string;
        const { port, instanceId } = JSON.parse(line) as { port: number; instanceId: string };
        processes.push({ main, port, instanceId });
      }
      sql = new pg.Client({ connectionString: scratch.url });
      await sql.connect();
      // A workspace open around the clock, a manager, 150 agents, 3,000 tagged customers spread over them.
      await sql.query(`
        INSERT INTO "Workspace" (id, "slackTeamId", "businessStart", "businessEnd", "businessDays", "updatedAt")
        VALUES (gen_random_uuid(), '${FAKE_TEAM_ID}', 0, 1440, '{1,2,3,4,5,6,7}', now());
        INSERT INTO "Member" (id, "workspaceId", "slackUserId", role, "timeZone", "updatedAt")
        SELECT gen_random_uuid(), w.id, '${MANAGER.user}', 'manager', 'UTC', now() FROM "Workspace" w;
        INSERT INTO "Member" (id, "workspaceId", "slackUserId", role, "timeZone", "updatedAt")
        SELECT gen_random_uuid(), w.id, 'U0AG' || lpad(n::text, 4, '0'), 'agent', 'UTC', now()
        FROM "Workspace" w, generate_series(1, ${AGENTS}) n;
        INSERT INTO "Customer" (id, "workspaceId", name, "normalizedName", "ownerId", tags, "updatedAt")
        SELECT gen_random_uuid(), w.id, 'Customer ' || n, 'customer ' || n,
               (SELECT m.id FROM "Member" m WHERE m."slackUserId" = 'U0AG' || lpad((1 + n % ${AGENTS})::text, 4, '0')),
               '{winter}', now()
        FROM "Workspace" w, generate_series(1, ${CUSTOMERS}) n;`);
    }, 120_000);

    afterAll(async () => {
      for (const p of processes) p.main.child.kill("SIGTERM");
      await Promise.all(processes.map((p) => p.main.exited));
      await sql?.end();
      await slack?.stop();
      await scratch?.drop();
    }, 60_000);

    it("delivers every nudge exactly once despite 429s, 500s and a killed process", async () => {
      slack.limitPerChannel({ burst: 3, perSecond: 1 });
      slack.unsettle("chat.postMessage", {
        rateLimited: 0.03,
        serverError: 0.03,
        serverErrorAfterPosting: 0.02,
        seed: 2026,
      });

      // The manager starts the campaign through the form, on the first instance.
      const [first, victim] = processes as [(typeof processes)[0], (typeof processes)[0]];
      const driver = new SlackDriver(`http://127.0.0.1:${first.port}`, secret, slack);
      await driver.command("/rapport", "campaign", MANAGER);
      const view = (await slack.waitFor("views.open", () => true, 15_000)).args.view as Record<string, unknown>;
      const today = new Date().toISOString().slice(0, 10);
      const response = await driver.viewSubmission(MANAGER, {
        id: "V0CAMPAIGN",
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: {
            campaign_name: { campaign_name_input: { value: "Winter" } },
            campaign_offer: { campaign_offer_input: { value: "Free delivery all winter" } },
            campaign_segment: { campaign_segment_input: { selected_option: { value: "tag" } } },
            campaign_tag: { campaign_tag_input: { value: "winter" } },
            campaign_starts: { campaign_starts_input: { selected_date: today } },
            campaign_ends: {
              campaign_ends_input: {
                selected_date: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
              },
            },
          },
        },
      });
      expect(response.status).toBe(200);
      expect(response.body).toBe("");

      const count = async (where: string) =>
        Number((await sql.query(`SELECT count(*) AS n FROM "Outreach" WHERE ${where}`)).rows[0].n);

      // Part-way, kill the second instance while it holds nudges it is sending.
      const deadline = Date.now() + 120_000;
      let heldAtKill = 0;
      while (Date.now() < deadline) {
        const sent = await count(`status = 'sent'`);
        heldAtKill = await count(`status = 'pending' AND "leasedBy" = '${victim.instanceId}' AND "leaseUntil" > now()`);
        if (sent >= CUSTOMERS * 0.3 && heldAtKill > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      victim.main.child.kill("SIGKILL");
      await victim.main.exited;
      const sentAtKill = await count(`status = 'sent'`);
      expect(heldAtKill).toBeGreaterThan(0);
      expect(sentAtKill).toBeLessThan(CUSTOMERS);

      // The other two finish, picking up the killed one's nudges once its leases run out.
      await expect.poll(() => count(`status = 'sent'`), { timeout: 240_000, interval: 1_000 }).toBe(CUSTOMERS);
      slack.calm("chat.postMessage");

      const delivered = slack
        .allMessages()
        .map(outreachIdOf)
        .filter((id): id is string => id !== null);
      const ids = (await sql.query(`SELECT id FROM "Outreach"`)).rows.map((r: { id: string }) => r.id);
      expect(ids).toHaveLength(CUSTOMERS);
      expect(delivered).toHaveLength(CUSTOMERS);
      expect(new Set(delivered)).toEqual(new Set(ids));
      // Each person's nudges went to their own DM.
      const perAgent = slack.messagesIn("DU0AG0001").filter((m) => outreachIdOf(m) !== null);
      expect(perAgent).toHaveLength(CUSTOMERS / AGENTS);

      // The trouble really happened: Slack refused, failed, and failed after posting; attempts were looked up.
      const posts = slack.callsTo("chat.postMessage");
      expect(posts.filter((c) => !c.result).length).toBeGreaterThan(0);
      expect(slack.callsTo("conversations.history").length).toBeGreaterThan(0);
      const unsureRows = await count(`unsure`);
      expect(unsureRows).toBeGreaterThan(0);
      console.info(
        `campaign: ${CUSTOMERS} nudges, ${posts.length} postMessage calls, ${slack.channelLimited} per-channel 429s, ` +
          `${posts.filter((c) => !c.result).length} refused or failed before posting, ${unsureRows} uncertain attempts looked up, ` +
          `${heldAtKill} held by the killed instance when ${sentAtKill} were sent`,
      );
    }, 400_000);
  },
);
