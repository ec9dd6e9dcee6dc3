import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_TEAM_ID } from "../../src/slack-stand-in/fake-slack.js";
import { answerTo, button, latest } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { stateFor } from "../support/view-state.js";

type Json = Record<string, unknown>;

// Request bodies Slack's own SDKs publish as fixtures (../shared/slack/payloads, beside the project):
// each is replayed signed, with its $PLACEHOLDERS filled from what this app really posted. None may
// get a 5xx or go unanswered, each is acknowledged within Slack's 3 seconds, and where a file says
// what should (or must not) be posted afterwards, that is checked too.
const FOLDER = resolve(import.meta.dirname, "../../../shared/slack/payloads");
const FILES = existsSync(FOLDER)
  ? readdirSync(FOLDER)
      .filter((f) => f.endsWith(".json"))
      .sort()
  : [];

interface Fixture {
  contentType: "form" | "json";
  expect: "200" | "ack" | "challenge";
  expect_posted?: string;
  forbid_posted?: string;
  as?: string;
  blanks?: boolean;
  body: Json;
}

const GRID_USER = "W0GRIDUSER";
const AGENT = "U0PAYAGENT";
const MGR = "U0PAYMGR";

describe.skipIf(FILES.length === 0)(
  `Slack's published request payloads${FILES.length ? "" : " (../shared/slack/payloads is not beside the project)"}`,
  () => {
    let app: TestApp;
    const values: Record<string, unknown> = {};
    let sequence = 0;

    async function openLogForm(): Promise<Json> {
      const before = app.slack.callsTo("views.open").length;
      await app.driver.command("/rapport", "log", { user: GRID_USER, channel: "CSUPPORT" });
      const call = await latest(app, "views.open", before);
      return { ...(call.args.view as Json), id: (call.result?.view as Json | undefined)?.id, team_id: FAKE_TEAM_ID };
    }

    beforeAll(async () => {
      app = await startTestApp();
      for (const [id, name] of [
        [GRID_USER, "primary-owner"],
        [AGENT, "ana"],
        [MGR, "mia"],
      ] as const)
        app.slack.addUser({ id, name });
      // The grid user runs the set-up first, so is the workspace's admin.
      for (const text of [
        "hours 00:00-24:00 mon-sun UTC",
        "team Support channel <#CMGRS|managers>",
        `role <@${AGENT}|ana> agent team Support`,
        `role <@${MGR}|mia> manager team Support`,
        "intake <#CINTAKE|intake> on",
      ]) {
        const answer = await answerTo(
          app,
          (await app.driver.command("/rapport", text, { user: GRID_USER, channel: "CSUPPORT" })).responseUrl,
        );
        expect(answer.text, text).not.toContain("Usage");
      }
    });
    afterAll(() => app.stop());

    it("gets the app's own card and forms to fill the placeholders with", async () => {
      // An escalation card in the managers' channel (its Claim button), an intake post, two log forms.
      const card = await answerTo(
        app,
        (await app.driver.command("/rapport", "log Acme Oy complaint: broken", { user: AGENT, channel: "CSUPPORT" }))
          .responseUrl,
      );
      const before = app.slack.callsTo("views.open").length;
      await app.driver.blockAction({ user: AGENT, channel: "CSUPPORT" }, button(card, "interaction_escalate"));
      const form = (await latest(app, "views.open", before)).args.view as Json;
      await app.driver.viewSubmission(
        { user: AGENT },
        {
          id: "VESC1",
          callback_id: form.callback_id,
          private_metadata: form.private_metadata,
          state: stateFor(form, { text: (block) => (block === "amount" ? null : "refund please") }),
        },
      );
      const posted = await app.slack.waitFor("chat.postMessage", (a) => a.channel === "CMGRS");
      const blocks = posted.args.blocks as Json[];
      const claim = blocks
        .flatMap((b) => (b.type === "actions" ? (b.elements as Json[]) : []))
        .find((e) => String(e.action_id).startsWith("escalation_claim"));
      const actions = blocks.find((b) => b.type === "actions");
      Object.assign(values, {
        $TEAM: FAKE_TEAM_ID,
        $GRID_USER: GRID_USER,
        $AGENT: AGENT,
        $MGR: MGR,
        $CARD_TS: (posted.result as Json).ts,
        $CARD_BLOCKS: blocks,
        $CARD_ACTION_ID: claim?.action_id,
        $CARD_ACTION_VALUE: claim?.value,
        $CARD_BLOCK_ID: actions?.block_id ?? "b",
      });
      await app.driver.event({
        type: "message",
        channel: "CINTAKE",
        channel_type: "channel",
        user: AGENT,
        text: "Acme Oy asked about an order",
        ts: "1700000300.000100",
      });
      await app.slack.waitFor("reactions.add", () => true, 10_000);
      values.$INTAKE_TS = "1700000300.000100";
      const view = await openLogForm();
      const input = (type: string) => {
        const block = (view.blocks as Json[]).find((b) => (b.element as Json | undefined)?.type === type);
        if (!block) throw new Error(`the log form has no ${type}`);
        return { blockId: block.block_id, element: block.element as Json };
      };
      const select = input("static_select");
      const external = input("external_select");
      const fill = (summary: string) => ({
        text: (block: string) => (block === "summary" ? summary : null),
        external: () => "new:Payload Person",
        // A question has no category: the person leaves it empty.
        skip: (block: string) => block === "reason_category",
      });
      const second = await openLogForm();
      Object.assign(values, {
        $FORM_VIEW: view,
        $VIEW_ID: view.id,
        $FORM_SELECT_ACTION: select.element.action_id,
        $FORM_SELECT_BLOCK: select.blockId,
        $FORM_SELECT_OPTION: (select.element.options as Json[])[0],
        $FORM_EXTERNAL_ACTION: external.element.action_id,
        $FORM_EXTERNAL_BLOCK: external.blockId,
        $FORM_VIEW_SUBMITTED: { ...view, state: stateFor(view, fill("from the published submission")) },
        $FORM_VIEW_SUBMITTED_2: { ...second, state: stateFor(second, fill("from the org-wide install")) },
      });
      expect(values.$CARD_ACTION_ID).toBeTruthy();
    });

    function fill(value: unknown, blanks: boolean, key = ""): unknown {
      if (typeof value === "string") {
        if (value in values) return values[value];
        if (value === "$NOW_TS") return `${Math.floor(Date.now() / 1000)}.${String(++sequence).padStart(6, "0")}`;
        if (value === "$NOW_INT") return Math.floor(Date.now() / 1000);
        if (value === "$EVENT_ID") return `Ev0PAYLOAD${++sequence}`;
        if (value === "$RESPONSE_URL") return app.slack.newResponseUrl();
        if (value === "$TRIGGER") return app.slack.issueTriggerId();
        if (blanks && value === "") {
          if (/team(_id)?$|^authed_teams$/.test(key)) return FAKE_TEAM_ID;
          if (key === "channel") return "CINTAKE";
          if (key === "user") return AGENT;
          if (key === "event_id") return `Ev0BLANK${++sequence}`;
          if (/(^|_)ts$/.test(key)) return `${Math.floor(Date.now() / 1000)}.${String(++sequence).padStart(6, "0")}`;
        }
        return value.replace(/\$[A-Z_]+/g, (name) => (typeof values[name] === "string" ? String(values[name]) : name));
      }
      if (Array.isArray(value)) return value.map((v) => fill(v, blanks, key));
      if (value && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, blanks, k)]));
      }
      return value;
    }

    const describeCall = (c: { method: string; args: Json }) =>
      `${c.method} ${String(c.args.channel ?? c.args.url ?? "")}${c.args.thread_ts ? ` (thread ${String(c.args.thread_ts)})` : ""} ${JSON.stringify(c.args)}`;

    it.each(FILES)("%s", { timeout: 20_000 }, async (file) => {
      expect(values.$CARD_TS, "the placeholders were filled").toBeTruthy();
      const fixture = JSON.parse(readFileSync(resolve(FOLDER, file), "utf8")) as Fixture;
      const body = fill(fixture.body, Boolean(fixture.blanks)) as Json;
      const from = app.slack.calls.length;
      const raw =
        fixture.contentType === "json"
          ? JSON.stringify(body)
          : typeof body.type === "string" && !("command" in body)
            ? new URLSearchParams({ payload: JSON.stringify(body) }).toString()
            : new URLSearchParams(
                Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v ?? "")])),
              ).toString();
      const response = await app.driver.send(
        raw,
        fixture.contentType === "json" ? "application/json" : "application/x-www-form-urlencoded",
      );
      expect(response.status, response.body).toBeLessThan(400);
      expect(response.elapsedMs).toBeLessThan(3_000);
      if (fixture.expect === "challenge") expect(response.body).toContain(String(body.challenge));
      if (fixture.expect_posted) {
        const pattern = new RegExp(fixture.expect_posted);
        await expect
          .poll(() => app.slack.calls.slice(from).some((c) => pattern.test(describeCall(c))), { timeout: 10_000 })
          .toBe(true);
      } else {
        await new Promise((r) => setTimeout(r, 300));
      }
      if (fixture.forbid_posted) {
        const forbidden = new RegExp(fixture.forbid_posted);
        expect(
          app.slack.calls
            .slice(from)
            .filter((c) => forbidden.test(describeCall(c)))
            .map(describeCall),
        ).toEqual([]);
      }
      // Nothing the app sent was refused (a look-up of someone Slack doesn't know is not a refusal).
      const failures = app.slack.calls
        .slice(from)
        .filter((c) => /^(chat\.|views\.|response_url|reactions\.|files\.)/.test(c.method))
        .filter((c) => c.result && c.result.ok === false && c.result.error !== "used_url");
      expect(failures.map((c) => `${c.method}: ${JSON.stringify(c.result)}`)).toEqual([]);
      expect(
        app.logs
          .lines()
          .filter((line) => Number(line.level) >= 50)
          .map((l) => l.msg),
      ).toEqual([]);
    });
  },
);
