// The HTTP API on the embedded database: tokens kept by admins in Slack, each endpoint's answers
// and refusals, scopes, workspaces kept apart, the one error shape, idempotency, the minute's
// limit, and the OpenAPI document checked against the routes that answer.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTo, button, latest, logFormState, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { ADMIN, AGENT, escalateFromCard, setUpWorkspace } from "../support/workspace-setup.js";

type Json = Record<string, unknown>;
const RATE_LIMIT = 150;

describe("the HTTP API", () => {
  let app: TestApp;
  let write: string;
  let read: string;
  const db = () => app.rapport.database.prisma;
  const slack = async (who: { user: string; channel: string }, text: string) =>
    answerTo(app, (await app.driver.command("/rapport", text, who)).responseUrl);
  const tokenIn = (answer: Json) => /rpt_[A-Za-z0-9_-]{43}/.exec(textOf(answer))?.[0] ?? "";
  /** One request to the API, as a phone system or a BI tool sends it. */
  const api = async (
    method: string,
    path: string,
    options: { token?: string | null; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ) => {
    const token = options.token === undefined ? write : options.token;
    const response = await fetch(`${app.url}/api/v1${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(options.body !== undefined || options.raw !== undefined ? { "content-type": "application/json" } : {}),
        ...options.headers,
      },
      ...(options.raw !== undefined
        ? { body: options.raw }
        : options.body !== undefined
          ? { body: JSON.stringify(options.body) }
          : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as Json };
  };
  const call = (overrides: Json = {}) => ({
    customer: { email: "ana@acme.example", name: "Acme Ana" },
    kind: "question",
    channel: "phone",
    summary: "asked about delivery times",
    author: { slackUserId: AGENT.user },
    ...overrides,
  });

  beforeAll(async () => {
    app = await startTestApp({ env: { API_RATE_LIMIT: String(RATE_LIMIT) } });
    await setUpWorkspace(app);
    write = tokenIn(await slack(ADMIN, "api token create phone-system write"));
    read = tokenIn(await slack(ADMIN, "api token create bi read"));
  });
  afterAll(() => app.stop());

  describe("tokens, kept by admins in Slack", () => {
    it("shows a new token once and keeps only its hash", async () => {
      expect(write).toMatch(/^rpt_/);
      expect(read).toMatch(/^rpt_/);
      const rows = await db().apiToken.findMany({ orderBy: { createdAt: "asc" } });
      expect(rows.map((r) => [r.name, r.scope])).toEqual([
        ["phone-system", "write"],
        ["bi", "read"],
      ]);
      expect(rows[0]?.hash).toBe(createHash("sha256").update(write).digest("hex"));
      expect(JSON.stringify(rows)).not.toContain(write.slice(4));
      expect(await db().auditEvent.count({ where: { action: "apiToken.created" } })).toBe(2);
      const list = textOf(await slack(ADMIN, "api token list"));
      expect(list).toContain("phone-system");
      expect(list).toContain(`…${write.slice(-4)}`);
      expect(list).not.toContain(write);
    });

    it("refuses anyone but an admin, and a name it cannot keep, storing nothing", async () => {
      const before = await db().apiToken.count();
      expect((await slack(AGENT, "api token create mine write")).text).toBe("Only admins keep API tokens.");
      expect((await slack(AGENT, "api token list")).text).toBe("Only admins keep API tokens.");
      expect(String((await slack(ADMIN, "api token create <!channel> write")).text)).toContain("Give the token a name");
      expect(String((await slack(ADMIN, "api token create")).text)).toContain("Give the token a name");
      expect(await db().apiToken.count()).toBe(before);
      expect(String((await slack(ADMIN, "api nonsense")).text)).toContain("/rapport api token create");
    });

    it("lists the tokens with their last use on the admins' Home tab", async () => {
      await api("GET", "/customers", { token: read });
      const before = app.slack.callsTo("views.publish").length;
      await app.driver.event({ type: "app_home_opened", user: ADMIN.user, channel: "DADMIN", tab: "home" });
      await expect.poll(() => app.slack.callsTo("views.publish").length).toBeGreaterThan(before);
      const home = textOf(app.slack.callsTo("views.publish").at(-1)?.args.view as Json);
      expect(home).toContain("API tokens");
      expect(home).toContain("*bi*");
      expect(home).toMatch(/bi\* \(read, `…\w{4}`\) · made .* · last used <!date/);
    });
  });

  describe("who may call", () => {
    it("refuses no token, a wrong one and a revoked one with 401, changing nothing", async () => {
      const doomed = tokenIn(await slack(ADMIN, "api token create doomed write"));
      expect((await api("GET", "/customers", { token: doomed })).status).toBe(200);
      expect(String((await slack(ADMIN, "api token revoke doomed")).text)).toContain("Revoked");
      const before = await db().interaction.count();
      for (const token of [null, "rpt_wrong", `${write}x`, doomed, "Basic abc"]) {
        const answer = await api("POST", "/interactions", { token, body: call() });
        expect(answer.status).toBe(401);
        expect(answer.body).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
      }
      expect(await db().interaction.count()).toBe(before);
      expect((await slack(ADMIN, "api token revoke doomed")).text).toContain("No live token of that name");
    });

    it("lets a read token read but not write (the scheme's case is free, as HTTP says)", async () => {
      const lower = await fetch(`${app.url}/api/v1/customers?limit=1`, {
        headers: { authorization: `bearer ${read}` },
      });
      expect(lower.status).toBe(200);
      expect((await api("GET", "/interactions", { token: read })).status).toBe(200);
      const denied = await api("POST", "/interactions", { token: read, body: call() });
      expect(denied.status).toBe(403);
      expect((denied.body.error as Json).code).toBe("forbidden");
    });

    it("never shows or reaches another workspace's customers", async () => {
      const other = await db().workspace.create({ data: { slackTeamId: "T0OTHER" } });
      const theirs = await db().customer.create({
        data: { workspaceId: other.id, name: "Secret Corp", normalizedName: "secret corp" },
      });
      expect((await api("GET", `/customers/${theirs.id}`)).status).toBe(404);
      const all = await api("GET", "/customers?limit=200");
      expect(JSON.stringify(all.body)).not.toContain("Secret Corp");
      expect((await api("GET", "/customers/not-a-uuid")).status).toBe(404);
    });
  });

  describe("POST /interactions", () => {
    it("logs a call for its author, creating the customer, and shows it in Slack with markers as text", async () => {
      const answer = await api("POST", "/interactions", {
        body: call({
          summary: "asked <!channel> about <@U0ADMIN> *prices*\u0000",
          occurredAt: "2026-12-01T09:30:00+02:00",
        }),
      });
      expect(answer.status).toBe(201);
      const logged = answer.body as {
        interaction: { id: string; customer: { id: string; name: string } };
        created: boolean;
      };
      expect(logged.created).toBe(true);
      expect(logged.interaction.customer.name).toBe("Acme Ana");
      const row = await db().interaction.findUniqueOrThrow({
        where: { id: logged.interaction.id },
        include: { author: true },
      });
      expect(row.author.slackUserId).toBe(AGENT.user);
      expect(row.summary).toBe("asked <!channel> about <@U0ADMIN> *prices*");
      expect(row.occurredAt.toISOString()).toBe("2026-12-01T07:30:00.000Z");
      expect(row.outcome).toBe("resolved");
      // The same customer by email next time, not a new one.
      const again = await api("POST", "/interactions", { body: call({ customer: { email: "ANA@acme.example" } }) });
      expect((again.body.interaction as Json).customer).toEqual(logged.interaction.customer);
      // In Slack the summary reads as text: no @channel, no mention.
      const card = textOf(await slack(AGENT, "customer ana@acme.example"));
      expect(card).toContain("&lt;!channel&gt;");
      expect(card).not.toContain("<!channel>");
      expect(card).not.toContain("<@U0ADMIN>");
    });

    it("logs a call as pending for its agent (named by email), who completes it from a DM in one click", async () => {
      app.slack.addUser({ id: "U0PHONE", name: "pat", email: "pat@support.example" });
      app.slack.addUser({ id: "U0NEWBIE", name: "nia", email: "nia@support.example" });
      await slack({ user: "U0PHONE", channel: "C0SUPPORT" }, "help");
      const pending = await api("POST", "/interactions", {
        body: {
          customer: { phone: "+351 912 000 111", name: "Rui Costa" },
          kind: "order",
          channel: "phone",
          author: { email: "PAT@support.example" },
          durationSeconds: 252,
          sourceRef: "pbx-call-77",
          pending: true,
        },
      });
      expect(pending.status).toBe(201);
      const id = (pending.body.interaction as { id: string }).id;
      const row = await db().interaction.findUniqueOrThrow({ where: { id }, include: { author: true } });
      expect(row).toMatchObject({ outcome: "pending", summary: "", durationSeconds: 252, sourceRef: "pbx-call-77" });
      expect(row.author.slackUserId).toBe("U0PHONE");
      const listed = (await api("GET", "/interactions?limit=1", { token: read })).body.data as Json[];
      expect(listed[0]).toMatchObject({ id, durationSeconds: 252, sourceRef: "pbx-call-77" });

      // The DM names where it came from, and one button opens it in the form.
      const dm = app.slack
        .callsTo("chat.postMessage")
        .find((c) => c.args.channel === "U0PHONE" && textOf(c.args).includes("Rui Costa"));
      expect(textOf(dm?.args ?? {})).toContain("*phone-system* logged a call with *Rui Costa* for you");
      expect(textOf(dm?.args ?? {})).toContain("4:12");
      const complete = button(dm?.args ?? {}, "interaction_edit");
      const opened = app.slack.callsTo("views.open").length;
      await app.driver.blockAction(
        { user: "U0PHONE", channel: "DU0PHONE" },
        { action_id: complete.action_id, value: complete.value },
      );
      const form = (await latest(app, "views.open", opened)).args.view as Json;
      await app.driver.viewSubmission(
        { user: "U0PHONE", channel: "DU0PHONE" },
        {
          id: "VCOMPLETECALL",
          callback_id: form.callback_id,
          private_metadata: form.private_metadata,
          state: logFormState({
            customer: `id:${row.customerId}`,
            kind: "order",
            channel: "phone",
            summary: "Ordered two boxes, delivery Friday",
            outcome: "resolved",
            occurredAt: row.occurredAt,
          }),
        },
      );
      await expect
        .poll(async () => (await db().interaction.findUniqueOrThrow({ where: { id } })).summary)
        .toBe("Ordered two boxes, delivery Friday");
      expect(await db().interaction.count({ where: { sourceRef: "pbx-call-77" } })).toBe(1);

      // Without `pending`, a summary is needed; an email nobody in Slack has, or someone Rapport has not met, is refused.
      const noSummary = await api("POST", "/interactions", { body: { ...call(), summary: undefined } });
      expect((noSummary.body.error as { problems: Array<{ field: string }> }).problems.map((p) => p.field)).toEqual([
        "summary",
      ]);
      for (const email of ["nobody@nowhere.example", "nia@support.example"]) {
        const refused = await api("POST", "/interactions", { body: call({ author: { email } }) });
        expect(refused.body.error, email).toMatchObject({ code: "unknown_person", field: "author.email" });
      }
      expect(await db().member.count({ where: { slackUserId: "U0NEWBIE" } })).toBe(0);
    });

    it("answers a bad body with 400 naming each field's problem, and stores nothing", async () => {
      const before = await db().interaction.count();
      const bad = await api("POST", "/interactions", {
        body: {
          customer: {},
          kind: "rant",
          channel: "pigeon",
          summary: "   ",
          author: { slackUserId: "nobody" },
          extra: 1,
        },
      });
      expect(bad.status).toBe(400);
      const error = bad.body.error as { code: string; problems: Array<{ field: string }> };
      expect(error.code).toBe("invalid_body");
      expect(error.problems.map((p) => p.field).sort()).toEqual(
        ["author.slackUserId", "body", "channel", "customer", "kind", "summary"].sort(),
      );
      expect((await api("POST", "/interactions", { raw: "{not json" })).body.error).toMatchObject({
        code: "invalid_json",
      });
      expect(
        (await api("POST", "/interactions", { raw: JSON.stringify(call({ summary: "x".repeat(70_000) })) })).status,
      ).toBe(413);
      expect((await api("POST", "/interactions", { body: call({ summary: "y".repeat(2_001) }) })).status).toBe(400);
      const stranger = await api("POST", "/interactions", { body: call({ author: { slackUserId: "U0NEVER" } }) });
      expect(stranger.status).toBe(400);
      expect(stranger.body.error).toMatchObject({ code: "unknown_person", field: "author.slackUserId" });
      expect(await db().member.count({ where: { slackUserId: "U0NEVER" } })).toBe(0);
      expect(await db().interaction.count()).toBe(before);
    });

    it("never merges by name alone: two customers of one name, or a close one, are for the caller to pick", async () => {
      for (const email of ["maria1@example.com", "maria2@example.com"])
        expect(
          (await api("POST", "/interactions", { body: call({ customer: { name: "Maria Silva", email } }) })).status,
        ).toBe(201);
      const before = await db().interaction.count();
      const ambiguous = await api("POST", "/interactions", { body: call({ customer: { name: "maria silva" } }) });
      expect(ambiguous.status).toBe(409);
      const error = ambiguous.body.error as { code: string; candidates: Array<{ name: string }> };
      expect(error.code).toBe("customer_ambiguous");
      expect(error.candidates.map((c) => c.name)).toEqual(["Maria Silva", "Maria Silva"]);
      expect((await api("POST", "/interactions", { body: call({ customer: { name: "Acme Anna" } }) })).status).toBe(
        409,
      );
      expect(await db().interaction.count()).toBe(before);
    });

    it("answers the same Idempotency-Key with the first answer, and refuses it for another request", async () => {
      const headers = { "idempotency-key": "call-2026-12-03-0001" };
      const first = await api("POST", "/interactions", { body: call({ summary: "the first call" }), headers });
      const second = await api("POST", "/interactions", { body: call({ summary: "the first call" }), headers });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers.get("idempotent-replayed")).toBe("true");
      expect(await db().interaction.count({ where: { summary: "the first call" } })).toBe(1);
      const reused = await api("POST", "/interactions", { body: call({ summary: "another call" }), headers });
      expect(reused.status).toBe(422);
      expect(await db().interaction.count({ where: { summary: "another call" } })).toBe(0);
      expect((await api("POST", "/interactions", { body: call(), headers: { "idempotency-key": "é ü" } })).status).toBe(
        400,
      );
    });
  });

  describe("reading", () => {
    it("pages interactions newest first by cursor, filtered by time and team", async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: Json } = await api(
          "GET",
          `/interactions?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
          { token: read },
        );
        expect(page.status).toBe(200);
        const data = page.body.data as Array<{ id: string; occurredAt: string }>;
        expect(data.length).toBeLessThanOrEqual(2);
        seen.push(...data.map((d) => d.id));
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      const all = await db().interaction.findMany({
        where: { deletedAt: null },
        orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      });
      expect(seen).toEqual(all.map((i) => i.id));
      const early = await api("GET", `/interactions?until=${encodeURIComponent("2026-12-02T00:00:00Z")}`, {
        token: read,
      });
      expect((early.body.data as Json[]).map((d) => d.summary)).toEqual(["asked <!channel> about <@U0ADMIN> *prices*"]);
      expect((await api("GET", "/interactions?team=Support", { token: read })).status).toBe(200);
      expect((await api("GET", "/interactions?team=Nowhere", { token: read })).body.error).toMatchObject({
        code: "unknown_team",
        field: "team",
      });
      expect((await api("GET", "/interactions?cursor=garbage", { token: read })).body.error).toMatchObject({
        code: "invalid_cursor",
      });
      expect((await api("GET", "/interactions?limit=5000", { token: read })).status).toBe(400);
      expect((await api("GET", "/interactions?since=yesterday", { token: read })).status).toBe(400);
    });

    it("shows a customer with their timeline", async () => {
      const acme = await db().customer.findFirstOrThrow({ where: { email: "ana@acme.example" } });
      const answer = await api("GET", `/customers/${acme.id}`, { token: read });
      expect(answer.status).toBe(200);
      expect((answer.body.customer as Json).name).toBe("Acme Ana");
      const timeline = answer.body.timeline as Json[];
      expect(timeline.length).toBe(await db().interaction.count({ where: { customerId: acme.id } }));
    });
  });

  describe("the OpenAPI document", () => {
    it("describes every route that answers, and only those", async () => {
      const doc = await api("GET", "/openapi.json", { token: null });
      expect(doc.status).toBe(200);
      expect(doc.body.openapi).toBe("3.1.0");
      const paths = doc.body.paths as Record<string, Record<string, Json>>;
      const acme = await db().customer.findFirstOrThrow({ where: { email: "ana@acme.example" } });
      // A request each route accepts, to show it answers where the document says.
      const samples: Record<string, unknown> = {
        "POST /api/v1/interactions": call(),
        "POST /api/v1/customers": { name: `Probe ${Date.now()}`, email: `probe${Date.now()}@example.com` },
        "PATCH /api/v1/customers/{id}": { tier: "gold" },
      };
      const described: string[] = [];
      for (const [path, methods] of Object.entries(paths))
        for (const method of Object.keys(methods)) {
          const name = `${method.toUpperCase()} ${path}`;
          described.push(name);
          const concrete = path.replace("/api/v1", "").replace("{id}", acme.id);
          const answer = await api(method.toUpperCase(), concrete, name in samples ? { body: samples[name] } : {});
          expect([200, 201], name).toContain(answer.status);
        }
      expect(described.sort()).toEqual(
        [
          "GET /api/v1/customers",
          "GET /api/v1/customers/{id}",
          "GET /api/v1/escalations",
          "GET /api/v1/follow-ups",
          "GET /api/v1/interactions",
          "GET /api/v1/reports/weekly",
          "PATCH /api/v1/customers/{id}",
          "POST /api/v1/customers",
          "POST /api/v1/interactions",
        ].sort(),
      );
      expect(Object.keys(samples).every((name) => described.includes(name))).toBe(true);
      // What is not described does not answer.
      expect((await api("DELETE", "/interactions")).status).toBe(404);
      expect((await api("DELETE", `/customers/${acme.id}`)).status).toBe(404);
      expect((await api("PUT", "/customers", { body: {} })).status).toBe(404);
      const body = paths["/api/v1/interactions"]?.post?.requestBody as Json;
      expect(JSON.stringify(body)).toContain('"kind"');
    });
  });

  describe("customers", () => {
    it("adds a customer with an owner, tags and a tier, and refuses a second with the same details", async () => {
      const added = await api("POST", "/customers", {
        body: {
          name: "Globex",
          email: "buyer@globex.example",
          externalId: "CRM-1001",
          tier: "gold",
          tags: ["VIP", "retail"],
          owner: { slackUserId: AGENT.user },
        },
      });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        name: "Globex",
        email: "buyer@globex.example",
        externalId: "CRM-1001",
        tier: "gold",
        tags: ["retail", "vip"],
        owner: { slackUserId: AGENT.user },
      });
      for (const again of [
        { name: "Globex Two", email: "BUYER@globex.example" },
        { name: "Other", externalId: "CRM-1001" },
        { name: "globex" },
      ]) {
        const refused = await api("POST", "/customers", { body: again });
        expect(refused.status, JSON.stringify(again)).toBe(409);
        expect((refused.body.error as Json).code).toBe("customer_exists");
      }
      expect(await db().customer.count({ where: { normalizedName: { startsWith: "globex" } } })).toBe(1);
      // Listed by the owner's team, and by when added.
      const support = (await api("GET", "/customers?team=Support&limit=200", { token: read })).body.data as Json[];
      expect(support.map((c) => c.name)).toEqual(["Globex"]);
      const later = new Date(app.clock.now().getTime() + 60_000).toISOString();
      expect((await api("GET", `/customers?since=${encodeURIComponent(later)}`, { token: read })).body.data).toEqual(
        [],
      );
      const stranger = await api("POST", "/customers", {
        body: { name: "Nobody Ltd", owner: { slackUserId: "U0NEVER" } },
      });
      expect(stranger.body.error).toMatchObject({ code: "unknown_person", field: "owner.slackUserId" });
      expect(await db().customer.count({ where: { name: "Nobody Ltd" } })).toBe(0);
    });

    it("changes a customer's details, refusing another's external id and another workspace's customer", async () => {
      const globex = await db().customer.findFirstOrThrow({ where: { externalId: "CRM-1001" } });
      const changed = await api("PATCH", `/customers/${globex.id}`, {
        body: { tier: "platinum", email: null, owner: null, optedOutOfOffers: true },
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ tier: "platinum", email: null, owner: null });
      expect((await db().customer.findUniqueOrThrow({ where: { id: globex.id } })).optedOutOfOffers).toBe(true);
      await api("POST", "/customers", { body: { name: "Initech", externalId: "CRM-2002" } });
      const taken = await api("PATCH", `/customers/${globex.id}`, { body: { externalId: "CRM-2002" } });
      expect(taken.status).toBe(409);
      expect((taken.body.error as Json).code).toBe("external_id_taken");
      expect((await api("PATCH", `/customers/${globex.id}`, { body: {} })).status).toBe(400);
      expect((await api("PATCH", `/customers/${globex.id}`, { token: read, body: { tier: "x" } })).status).toBe(403);
      const other = await db().customer.findFirstOrThrow({ where: { name: "Secret Corp" } });
      expect((await api("PATCH", `/customers/${other.id}`, { body: { tier: "stolen" } })).status).toBe(404);
      expect((await db().customer.findUniqueOrThrow({ where: { id: other.id } })).tier).toBeNull();
    });
  });

  describe("escalations, follow-ups and the weekly report", () => {
    it("lists escalations and follow-ups, by team", async () => {
      const escalation = await escalateFromCard(app, "Umbrella complaint phone: broken lid");
      await slack(AGENT, "followup Umbrella tomorrow: check the new lid arrived");
      const escalations = await api("GET", "/escalations", { token: read });
      expect(escalations.status).toBe(200);
      const [first] = escalations.body.data as Json[];
      expect(first).toMatchObject({
        id: escalation.id,
        customer: { name: "Umbrella" },
        status: "open",
        reason: "refund please",
      });
      expect((await api("GET", "/escalations?team=Support", { token: read })).body.data).toHaveLength(
        await db().escalation.count({ where: { team: { name: "Support" } } }),
      );
      const followUps = await api("GET", "/follow-ups", { token: read });
      const notes = (followUps.body.data as Json[]).map((f) => f.note);
      expect(notes).toContain("check the new lid arrived");
      expect((await api("GET", "/follow-ups?until=2000-01-01T00:00:00Z", { token: read })).body.data).toEqual([]);
    });

    it("answers the week's figures, matching counts made from the rows themselves", async () => {
      // 2026-W47: Monday 16 to Sunday 22 November, in the workspace's zone (UTC).
      for (const [day, channel] of [
        ["2026-11-16T08:00:00Z", "phone"],
        ["2026-11-18T12:00:00Z", "email"],
        ["2026-11-22T23:59:00Z", "phone"],
        ["2026-11-23T00:00:00Z", "phone"],
        ["2026-11-15T23:59:00Z", "chat"],
      ])
        expect(
          (
            await api("POST", "/interactions", {
              body: call({ channel, occurredAt: day, summary: `week call ${day}` }),
            })
          ).status,
        ).toBe(201);
      const week = await api("GET", "/reports/weekly?week=2026-W47", { token: read });
      expect(week.status).toBe(200);
      const rows = await db().interaction.findMany({
        where: {
          occurredAt: { gte: new Date("2026-11-16T00:00:00Z"), lt: new Date("2026-11-23T00:00:00Z") },
          deletedAt: null,
        },
      });
      const volume = week.body.volume as { total: number; byChannel: Record<string, number> };
      expect(volume.total).toBe(rows.length);
      expect(volume.total).toBe(3);
      expect(volume.byChannel).toMatchObject({ phone: 2, email: 1 });
      expect(week.body.period).toMatchObject({
        label: "2026-W47",
        from: "2026-11-16T00:00:00.000Z",
        to: "2026-11-23T00:00:00.000Z",
      });
      expect((await api("GET", "/reports/weekly?week=2026-W47&team=Support", { token: read })).status).toBe(200);
      expect(
        (await api("GET", "/reports/weekly?week=2026-W47&team=Nowhere", { token: read })).body.error,
      ).toMatchObject({
        code: "unknown_team",
      });
      expect((await api("GET", "/reports/weekly?week=2099-W01", { token: read })).body.error).toMatchObject({
        code: "invalid_week",
      });
      expect((await api("GET", "/reports/weekly?week=banana", { token: read })).status).toBe(400);
    });
  });

  describe("the minute's limit", () => {
    it("answers 429 with Retry-After past the limit, per token", async () => {
      const limited = tokenIn(await slack(ADMIN, "api token create limited read"));
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < RATE_LIMIT + 2; i++) {
        const answer = await api("GET", "/customers?limit=1", { token: limited });
        statuses.push(answer.status);
        if (answer.status === 429) retryAfter = answer.headers.get("retry-after");
      }
      expect(statuses.slice(0, RATE_LIMIT).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(RATE_LIMIT)).toEqual([429, 429]);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(retryAfter)).toBeLessThanOrEqual(60);
      // Another token is not held back by this one.
      expect((await api("GET", "/customers?limit=1", { token: read })).status).toBe(200);
      // A minute on, the token may call again.
      app.clock.advance(61_000);
      expect((await api("GET", "/customers?limit=1", { token: limited })).status).toBe(200);
    });

    it("audits every use", async () => {
      expect(await db().auditEvent.count({ where: { action: "api.request" } })).toBeGreaterThan(RATE_LIMIT);
    });
  });
});
