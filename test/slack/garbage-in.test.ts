import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

// Whatever arrives correctly signed — odd shapes, wrong types, unknown ids —
// Rapport answers without a server error and keeps serving.
describe("signed but nonsensical requests", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: "U0FUZZ", name: "fuzz" });
  });
  afterAll(() => app.stop());

  const text = fc.string({ maxLength: 300 });
  const value = fc.oneof(
    text,
    fc.integer(),
    fc.constant(null),
    fc.boolean(),
    fc.json().map((j) => JSON.parse(j) as unknown),
  );
  const actionId = fc.constantFrom(
    "interaction_undo",
    "interaction_edit",
    "draft_pick_customer_x",
    "escalation_claim",
    "escalation_approve",
    "customer_timeline_page_older",
    "nope",
  );
  const callbackId = fc.constantFrom(
    "log_interaction_form",
    "escalate_form",
    "escalation_decision_note",
    "follow_up_form",
    "escalation_reassign",
  );

  it("slash commands with any text", async () => {
    await fc.assert(
      fc.asyncProperty(text, async (words) => {
        const response = await app.driver.command("/rapport", words, { user: "U0FUZZ" });
        expect(response.status).toBe(200);
      }),
      { numRuns: 40 },
    );
  });

  it("button clicks and form submissions carrying any value", { timeout: 90_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(actionId, value, callbackId, value, async (action, actionValue, callback, metadata) => {
        const click = await app.driver.blockAction(
          { user: "U0FUZZ", channel: "C1" },
          { action_id: action, value: actionValue },
        );
        expect(click.status).toBeLessThan(500);
        const submit = await app.driver.viewSubmission(
          { user: "U0FUZZ" },
          {
            id: "VFUZZ",
            callback_id: callback,
            private_metadata: JSON.stringify(metadata),
            state: { values: { summary: { summary_input: { value: actionValue } } } },
          },
        );
        expect(submit.status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });

  it("message events with any text, ids and subtypes", async () => {
    const id = fc.stringMatching(/^[A-Z0-9]{0,12}$/);
    const ts = fc.oneof(fc.constant("1.1"), fc.stringMatching(/^\d{1,10}\.\d{0,6}$/), text);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          subtype: fc.option(
            fc.constantFrom("bot_message", "message_changed", "message_deleted", "file_share", "channel_join"),
            { nil: undefined },
          ),
          channel: fc.oneof(
            fc.constant("C0INTAKE"),
            id.map((x) => `C${x}`),
            id.map((x) => `D${x}`),
          ),
          channel_type: fc.constantFrom("channel", "group", "im", "mpim"),
          user: fc.option(
            id.map((x) => `U${x}`),
            { nil: undefined },
          ),
          text: fc.option(text, { nil: undefined }),
          ts,
          thread_ts: fc.option(ts, { nil: undefined }),
        }),
        async (event) => {
          const response = await app.driver.event({ type: "message", ...event });
          expect(response.status).toBe(200);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("survives a shape Slack never sends (Bolt itself refuses it), and goes on", async () => {
    const response = await app.driver.event({ type: "message", channel: false });
    expect([200, 500]).toContain(response.status);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it("keeps serving afterwards", async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const help = await app.driver.command("/rapport", "help", { user: "U0FUZZ" });
    expect(help.status).toBe(200);
  });
});
