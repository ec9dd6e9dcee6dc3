import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTo, button, latest, logFormState, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { POSTGRES_SKIP_REASON, TEST_DATABASE_URL } from "../support/test-database.js";
import { escalationFormState } from "../support/workspace-setup.js";

// The database is slow (another session holds a lock): the form is answered "still saving" before
// Slack gives up, and once it is stored the person gets the confirmation. Before, Slack's timeout
// told them nothing was saved for a log that was.
describe.skipIf(!TEST_DATABASE_URL)(
  `a log form whose save outlasts Slack's 3 s${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    let app: TestApp;
    const agent = { user: "U0SLOW", channel: "C0SUPPORT" };
    beforeAll(async () => {
      app = await startTestApp({ database: "postgres" });
      app.slack.addUser({ id: agent.user, name: "sloane" });
    });
    afterAll(() => app.stop());

    /** Sends while another session holds `table` locked for 3.5 s, past Slack's 3-second wait. */
    async function whileLocked<T>(table: string, send: () => Promise<T>): Promise<T> {
      const locker = new pg.Client({
        connectionString: app.config.database.kind === "postgres" ? app.config.database.url : "",
      });
      await locker.connect();
      await locker.query(`BEGIN; LOCK TABLE "${table}" IN EXCLUSIVE MODE`);
      const release = new Promise((resolve) => setTimeout(resolve, 3_500)).then(() => locker.query("COMMIT"));
      try {
        return await send();
      } finally {
        await release;
        await locker.end();
      }
    }

    it("answers 'still saving', stores it, then confirms and updates the form", async () => {
      const before = app.slack.callsTo("views.open").length;
      await app.driver.command("/rapport", "log", agent);
      const opened = await latest(app, "views.open", before);
      const view = opened.args.view as Record<string, unknown>;
      const viewId = String((opened.result?.view as { id?: string } | undefined)?.id);

      const response = await whileLocked("Interaction", () =>
        app.driver.viewSubmission(agent, {
          id: viewId,
          callback_id: view.callback_id,
          private_metadata: view.private_metadata,
          state: logFormState({ customer: "new:Slow Save Ltd", summary: "waited for the lock", outcome: "resolved" }),
        }),
      );

      expect(response.status).toBe(200);
      expect(response.body).toContain('"response_action":"update"');
      expect(response.body).toContain("Still saving");
      await expect
        .poll(() => app.rapport.database.prisma.interaction.count({ where: { summary: "waited for the lock" } }))
        .toBe(1);
      const confirmation = await app.slack.waitFor(
        "chat.postEphemeral",
        (a) => textOf(a).includes("Slow Save Ltd"),
        10_000,
      );
      expect(textOf(confirmation.args)).toContain("Logged");
      const updated = await app.slack.waitFor("views.update", (a) => a.view_id === viewId, 10_000);
      expect(textOf(updated.args.view as Record<string, unknown>)).toContain("Saved");
    });

    it("does the same for the escalation form: 'still saving', then stored and 'saved'", async () => {
      const card = await answerTo(
        app,
        (await app.driver.command("/rapport", "log Slow Escalation Co complaint: broken", agent)).responseUrl,
      );
      const before = app.slack.callsTo("views.open").length;
      await app.driver.blockAction(agent, button(card, "interaction_escalate"));
      const opened = await latest(app, "views.open", before);
      const view = opened.args.view as Record<string, unknown>;
      const viewId = String((opened.result?.view as { id?: string } | undefined)?.id);
      const response = await whileLocked("Escalation", () =>
        app.driver.viewSubmission(agent, {
          id: viewId,
          callback_id: view.callback_id,
          private_metadata: view.private_metadata,
          state: escalationFormState("slow refund", view),
        }),
      );
      expect(response.body).toContain("Still saving");
      await expect
        .poll(() => app.rapport.database.prisma.escalation.count({ where: { reason: "slow refund" } }))
        .toBe(1);
      await app.slack.waitFor(
        "views.update",
        (a) => a.view_id === viewId && textOf(a.view as Record<string, unknown>).includes("Saved"),
        10_000,
      );
    });

    it("acknowledges a one-line log within 2.5 s while the database waits, then confirms on response_url", async () => {
      const response = await whileLocked("Interaction", () =>
        app.driver.command("/rapport", "log Locked Out Ltd complaint: the command waited for the lock", agent),
      );
      // The acknowledgement went empty at the budget, well before the lock was released.
      expect(response.status).toBe(200);
      expect(response.answeredInAck).toBe(false);
      expect(response.elapsedMs).toBeLessThan(3_000);
      const card = await answerTo(app, response.responseUrl);
      expect(card.via).toBeUndefined();
      expect(textOf(card)).toContain("Locked Out Ltd");
      const stored = { summary: "the command waited for the lock" };
      expect(await app.rapport.database.prisma.interaction.count({ where: stored })).toBe(1);
    });
  },
);
