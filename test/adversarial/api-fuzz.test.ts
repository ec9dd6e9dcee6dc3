import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTo, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { ADMIN, AGENT, setUpWorkspace } from "../support/workspace-setup.js";
import { liveMarkers } from "./mrkdwn-audit.js";

// Random and mutated requests to the HTTP API: bodies of the wrong shape, hostile text, odd
// headers, paths and queries. Every answer is one of the documented ones, never a 5xx; every error
// has the one shape; nothing the API stored pings anyone when Slack shows it; no error is logged.
// FUZZ_SEED=<n> replays a run; FUZZ_RUNS raises the count.
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

const MARKERS = [
  "<!channel>",
  "<@U0EVIL>",
  "<#C0EVIL>",
  "<https://evil.example|x>",
  "\u0000",
  "\u200b",
  "😀".repeat(50),
  "a".repeat(2_500),
];
const text = fc.oneof(
  fc.constantFrom(...MARKERS),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 10 }),
);
const anything = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const body = fc.record(
  {
    customer: fc.oneof(
      fc.record({
        name: maybe(text),
        email: maybe(fc.oneof(fc.emailAddress(), text)),
        phone: maybe(text),
        externalId: maybe(text),
      }),
      anything,
    ),
    kind: fc.oneof(fc.constantFrom("question", "order", "complaint", "feedback", "other"), anything),
    channel: fc.oneof(fc.constantFrom("phone", "email", "chat"), anything),
    summary: maybe(fc.oneof(text, anything)),
    outcome: maybe(fc.oneof(fc.constantFrom("resolved", "pending", "escalated"), anything)),
    occurredAt: maybe(
      fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        text,
      ),
    ),
    author: fc.oneof(
      fc.constant({ slackUserId: AGENT.user }),
      fc.record({ slackUserId: text }),
      fc.record({ email: fc.oneof(fc.emailAddress(), text) }),
      anything,
    ),
    durationSeconds: maybe(anything),
    pending: maybe(fc.oneof(fc.boolean(), anything)),
    extra: maybe(anything),
  },
  { requiredKeys: [] },
);
/** Well formed, with hostile text where people's words go: these are stored. */
const wellFormed = fc.record({
  customer: fc.record({ name: text.map((t) => `${t.slice(0, 60)} Co`) }),
  kind: fc.constantFrom("question", "order", "complaint", "feedback", "other"),
  channel: fc.constantFrom("phone", "email", "chat"),
  summary: text.map((t) => `${t} said`),
  author: fc.constant({ slackUserId: AGENT.user }),
});
const request = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("post" as const),
      body: wellFormed,
      raw: fc.constant(false),
      key: maybe(text),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant("post" as const), body, raw: fc.constant(false), key: maybe(text) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("post" as const), body: text, raw: fc.constant(true), key: maybe(text) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("get" as const),
      path: fc.constantFrom(
        "/interactions",
        "/customers",
        "/escalations",
        "/follow-ups",
        "/reports/weekly",
        "/customers/",
      ),
      query: fc.dictionary(fc.constantFrom("limit", "cursor", "since", "until", "team", "week", "x"), text, {
        maxKeys: 3,
      }),
      suffix: text,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("patch" as const), body: anything, suffix: text }) },
);
const DOCUMENTED = new Set([200, 201, 400, 401, 403, 404, 409, 413, 422, 429]);

describe(`the API under random requests (seed ${SEED})`, () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { API_RATE_LIMIT: "100000" } });
    await setUpWorkspace(app);
    const answer = await answerTo(
      app,
      (await app.driver.command("/rapport", "api token create fuzz write", ADMIN)).responseUrl,
    );
    token = /rpt_[A-Za-z0-9_-]{43}/.exec(textOf(answer))?.[0] ?? "";
  });
  afterAll(() => app.stop());

  it("answers each in the documented shape, never a 5xx, and stores nothing that pings", {
    timeout: 240_000,
  }, async () => {
    const seen: number[] = [];
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
        };
        let response: Response;
        if (r.kind === "get") {
          const query = new URLSearchParams(r.query).toString();
          const path = r.path === "/customers/" ? `/customers/${encodeURIComponent(r.suffix)}` : r.path;
          response = await fetch(`${app.url}/api/v1${path}${query ? `?${query}` : ""}`, { headers });
        } else if (r.kind === "patch") {
          response = await fetch(`${app.url}/api/v1/customers/${encodeURIComponent(r.suffix) || "x"}`, {
            method: "PATCH",
            headers,
            body: JSON.stringify(r.body),
          });
        } else {
          if (r.key !== undefined) headers["idempotency-key"] = encodeURIComponent(r.key).slice(0, 300) || "k";
          response = await fetch(`${app.url}/api/v1/interactions`, {
            method: "POST",
            headers,
            body: r.raw ? String(r.body) : JSON.stringify(r.body),
          });
        }
        const answer = await response.text();
        seen.push(response.status);
        expect(DOCUMENTED, `${response.status}: ${answer.slice(0, 300)}`).toContain(response.status);
        const json = JSON.parse(answer) as { error?: { code: unknown; message: unknown } };
        if (response.status >= 400) {
          expect(typeof json.error?.code).toBe("string");
          expect(typeof json.error?.message).toBe("string");
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Something was stored, and refused: the run exercised both.
    expect(seen).toContain(201);
    expect(seen).toContain(400);
    // What the API stored, shown in Slack (the customer cards): no live marker.
    const customers = await app.rapport.database.prisma.customer.findMany({ take: 15, orderBy: { createdAt: "desc" } });
    for (const c of customers) {
      const card = await answerTo(
        app,
        (await app.driver.command("/rapport", `customer ${c.email ?? c.name}`, AGENT)).responseUrl,
      );
      expect(liveMarkers(card)).toEqual([]);
    }
    expect(app.logs.lines().filter((line) => Number(line.level) >= 50)).toEqual([]);
  });
});
