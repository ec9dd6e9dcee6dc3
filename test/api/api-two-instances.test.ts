// The API on two instances of one PostgreSQL: an Idempotency-Key sent to both at once makes one
// interaction and one answer; the minute's limit counts a token's requests on both together.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack-stand-in/fake-slack.js";
import { answerTo, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import {
  createScratchDatabase,
  POSTGRES_SKIP_REASON,
  type ScratchDatabase,
  TEST_DATABASE_URL,
} from "../support/test-database.js";
import { ADMIN, AGENT, setUpWorkspace } from "../support/workspace-setup.js";

type Json = Record<string, unknown>;
const RATE_LIMIT = 10;

describe.skipIf(!TEST_DATABASE_URL)(
  `the API on two instances${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    let scratch: ScratchDatabase;
    let slack: FakeSlack;
    let a: TestApp;
    let b: TestApp;
    let token: string;

    const post = async (app: TestApp, body: unknown, key?: string) => {
      const response = await fetch(`${app.url}/api/v1/interactions`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          ...(key ? { "idempotency-key": key } : {}),
        },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Json };
    };

    beforeAll(async () => {
      scratch = await createScratchDatabase();
      slack = await new FakeSlack().start();
      const env = { API_RATE_LIMIT: String(RATE_LIMIT) };
      [a, b] = await Promise.all([
        startTestApp({ postgresUrl: scratch.url, slack, env }),
        startTestApp({ postgresUrl: scratch.url, slack, env }),
      ]);
      await setUpWorkspace(a);
      const answer = await answerTo(
        a,
        (await a.driver.command("/rapport", "api token create phones write", ADMIN)).responseUrl,
      );
      token = /rpt_[A-Za-z0-9_-]{43}/.exec(textOf(answer))?.[0] ?? "";
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await slack?.stop();
      await scratch?.drop();
    });

    it("makes one interaction of one Idempotency-Key sent to both instances at once", async () => {
      const body = {
        customer: { phone: "+351 912 345 678", name: "Rui Costa" },
        kind: "order",
        channel: "phone",
        summary: "ordered two boxes",
        author: { slackUserId: AGENT.user },
      };
      const answers = await Promise.all([
        post(a, body, "pbx-call-77"),
        post(b, body, "pbx-call-77"),
        post(a, body, "pbx-call-77"),
        post(b, body, "pbx-call-77"),
      ]);
      // Each is the first answer, or "still running" for the caller to send again.
      for (const answer of answers) expect([201, 409]).toContain(answer.status);
      const retried = await Promise.all(
        answers.map(async (answer, i) => {
          let current = answer;
          for (let round = 0; current.status === 409 && round < 50; round++) {
            await new Promise((resolve) => setTimeout(resolve, 50));
            current = await post(i % 2 ? b : a, body, "pbx-call-77");
          }
          return current;
        }),
      );
      const ids = new Set(retried.map((r) => (r.body.interaction as Json | undefined)?.id));
      expect(retried.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      expect(ids.size).toBe(1);
      expect(await a.rapport.database.prisma.interaction.count({ where: { summary: "ordered two boxes" } })).toBe(1);
      expect(await a.rapport.database.prisma.customer.count({ where: { name: "Rui Costa" } })).toBe(1);
    });

    it("counts a token's requests on both instances against one limit", async () => {
      // A new minute for the token on both clocks.
      for (const app of [a, b]) app.clock.advance(61_000);
      const statuses: number[] = [];
      for (let i = 0; i < RATE_LIMIT + 2; i++) {
        const response = await fetch(`${(i % 2 ? b : a).url}/api/v1/customers?limit=1`, {
          headers: { authorization: `Bearer ${token}` },
        });
        statuses.push(response.status);
      }
      expect(statuses.slice(0, RATE_LIMIT).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(RATE_LIMIT)).toEqual([429, 429]);
    });
  },
);
