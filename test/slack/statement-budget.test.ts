import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTo, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { POSTGRES_SKIP_REASON, TEST_DATABASE_URL } from "../support/test-database.js";

// A one-line log is what agents do all day: it is held to a statement budget, counted below Prisma
// (BEGIN and COMMIT included), for the whole request: who is asking, the customer, the log and the
// context the confirmation shows.
const KNOWN_CUSTOMER_BUDGET = 5;
const NEW_CUSTOMER_BUDGET = 7;

const DATABASES: Array<[string, "pglite" | "postgres", boolean]> = [
  ["PGlite", "pglite", false],
  [TEST_DATABASE_URL ? "PostgreSQL" : `PostgreSQL (${POSTGRES_SKIP_REASON})`, "postgres", !TEST_DATABASE_URL],
];

describe.each(DATABASES)("the statement budget of a one-line log on %s", (_name, database, skip) => {
  if (skip) return void it.skip("needs TEST_DATABASE_URL", () => {});
  let app: TestApp;
  const agent = { user: "U0AGENT", channel: "C0SUPPORT" };

  beforeAll(async () => {
    app = await startTestApp({ database });
    app.slack.addUser({ id: agent.user, name: "ana" });
    // Known to Rapport already, as an agent is after their first request; the workspace's complaint
    // categories read (each instance keeps them for a few seconds, as it does all day).
    await answerTo(app, (await app.driver.command("/rapport", "log Warm Up complaint: first", agent)).responseUrl);
  });
  afterAll(() => app.stop());

  async function statementsFor(text: string) {
    const { statements } = app.rapport.database;
    statements.reset();
    const response = await app.driver.command("/rapport", `log ${text}`, agent);
    const card = await answerTo(app, response.responseUrl);
    return { count: statements.count, sql: statements.recent.join("\n"), card };
  }

  it(`logs for a new customer in at most ${NEW_CUSTOMER_BUDGET} statements`, async () => {
    const { count, sql, card } = await statementsFor("Brand New Customer complaint phone: parcel late");
    expect(textOf(card)).toContain("Brand New Customer");
    expect(count, sql).toBeLessThanOrEqual(NEW_CUSTOMER_BUDGET);
  });

  it(`logs for a known customer in at most ${KNOWN_CUSTOMER_BUDGET} statements, the context included`, async () => {
    const { count, sql, card } = await statementsFor("Brand New Customer complaint phone: parcel still late");
    expect(textOf(card)).toContain("2 complaints in the last 90 days");
    expect(count, sql).toBeLessThanOrEqual(KNOWN_CUSTOMER_BUDGET);
  });
});
