import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTo } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { POSTGRES_SKIP_REASON, TEST_DATABASE_URL } from "../support/test-database.js";

// Found by bench/log-command.bench.ts: several first requests at once from a
// new person, naming a new customer, made two members or two customers.
const DATABASES: Array<[string, "pglite" | "postgres", boolean]> = [
  ["PGlite", "pglite", false],
  [TEST_DATABASE_URL ? "PostgreSQL" : `PostgreSQL (${POSTGRES_SKIP_REASON})`, "postgres", !TEST_DATABASE_URL],
];

describe.each(DATABASES)("requests at once on %s", (_name, database, skip) => {
  if (skip) return void it.skip("needs TEST_DATABASE_URL", () => {});
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ database });
    app.slack.addUser({ id: "U0RUSH", name: "rush" });
  });
  afterAll(() => app.stop());

  it("register one member and one customer, and log every interaction", async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        app.driver.command("/rapport", `log Brand New Co order: item ${i}`, { user: "U0RUSH" }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    await Promise.all(responses.map((r) => answerTo(app, r.responseUrl)));
    const db = app.rapport.database.prisma;
    expect(await db.member.count({ where: { slackUserId: "U0RUSH" } })).toBe(1);
    expect(await db.customer.count()).toBe(1);
    expect(await db.interaction.count()).toBe(8);
    expect(app.logs.lines().filter((line) => line.level === 50)).toEqual([]);
  });

  it("make one admin of ten first set-up commands at once in a new workspace", async () => {
    const people = Array.from({ length: 10 }, (_, i) => `U0FIRST${i}`);
    for (const id of people) app.slack.addUser({ id, name: id.toLowerCase() });
    const team = "T0NEWTEAM";
    const responses = await Promise.all(
      people.map((user) => app.driver.command("/rapport", "hours 08:00-16:00 mon-fri UTC", { user, team })),
    );
    await Promise.all(responses.map((r) => answerTo(app, r.responseUrl)));
    const db = app.rapport.database.prisma;
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slackTeamId: team } });
    expect(await db.member.count({ where: { workspaceId: workspace.id, role: "admin" } })).toBe(1);
  });
});
