import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTo, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { AGENT, escalateFromCard, MGR1, setUpWorkspace } from "../support/workspace-setup.js";

type Json = Record<string, unknown>;

// What clumsy typing and odd clients send: names of emoji or of nothing visible, NUL characters,
// long texts full of emoji, a thread reply also sent to the channel.
describe("odd characters and odd messages", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  const log = async (line: string) =>
    answerTo(app, (await app.driver.command("/rapport", `log ${line}`, AGENT)).responseUrl);

  beforeAll(async () => {
    app = await startTestApp();
    await setUpWorkspace(app);
  });
  afterAll(() => app.stop());

  it("keeps customers named only in emoji or punctuation apart (they were merged into one empty name)", async () => {
    await log("🍕🍕: pizza");
    await log("🍔🍔: burger");
    await log("!!!: shouting");
    const names = (await db().customer.findMany({ where: { name: { in: ["🍕🍕", "🍔🍔", "!!!"] } } })).map(
      (c) => c.name,
    );
    expect(names.sort()).toEqual(["!!!", "🍔🍔", "🍕🍕"].sort());
    expect(
      new Set((await db().customer.findMany({ where: { name: { in: names } } })).map((c) => c.normalizedName)).size,
    ).toBe(3);
  });

  it("refuses a customer name of zero-width characters, storing nothing", async () => {
    const before = await db().interaction.count();
    const answer = await log("\u200b\u200d\u2060: nobody");
    expect(textOf(answer)).toContain("customer");
    expect(await db().interaction.count()).toBe(before);
  });

  it("takes NUL characters out instead of failing the log and silencing the type-ahead", async () => {
    const answer = await log("Nul\u0000 Person: hello\u0000 there");
    expect(answer.text).toContain("Logged");
    const stored = await db().interaction.findFirstOrThrow({ where: { customer: { name: "Nul Person" } } });
    expect(stored.summary).toBe("hello there");
    const suggestions = await app.driver.blockSuggestion(AGENT, "customer_select", "Nul\u0000 Pe");
    expect(suggestions.status).toBe(200);
    expect(suggestions.body).toContain("Nul Person");
    const errors = app.logs.lines().filter((line) => line.level === 50);
    expect(errors).toEqual([]);
  });

  it("stores the draft of a very long DM full of emoji (cut at 2,000 split an emoji and lost it)", async () => {
    const head = "From: Emoji Fan <emoji@fan.example>\n";
    // The 2,000th UTF-16 unit is the first half of an emoji.
    const text = `${head}${"a".repeat(1_999 - head.length)}${"😀".repeat(19_000)}`;
    await app.driver.event({
      type: "message",
      channel: "D0AGENT",
      channel_type: "im",
      user: AGENT.user,
      text,
      ts: "1700000200.000100",
    });
    await app.slack.waitFor(
      "chat.postMessage",
      (a) => a.channel === "D0AGENT" && JSON.stringify(a).includes("Here is a draft"),
      10_000,
    );
    const draft = await db().draft.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    const summary = String((draft.data as Json).summary);
    expect(summary.length).toBeLessThanOrEqual(2_000);
    expect(summary).not.toMatch(/[\uD800-\uDBFF]$/);
  });

  it("reads a decision sent with “Also send to channel” (thread_broadcast)", async () => {
    const escalation = await escalateFromCard(app, "Broadcast Co complaint: broken");
    await app.driver.event({
      type: "message",
      subtype: "thread_broadcast",
      channel: MGR1.channel,
      channel_type: "channel",
      user: MGR1.user,
      text: "reject outside the return window",
      ts: String(Date.now() / 1000),
      thread_ts: escalation.messageTs,
    });
    await expect
      .poll(async () => (await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).status)
      .toBe("rejected");
  });
});
