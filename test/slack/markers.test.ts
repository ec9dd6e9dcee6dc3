import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveMarkers } from "../adversarial/mrkdwn-audit.js";
import { answerTo, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { ADMIN, AGENT, DIRECTOR, escalateFromCard, setUpWorkspace } from "../support/workspace-setup.js";

type Json = Record<string, unknown>;

// What an outside test found: names and echoed words that pinged the channel, names shown
// double-escaped, and text full of "<" that grew past Slack's limits once escaped.
describe("markers in what people type", () => {
  let app: TestApp;
  // Typed as "<!channel> Evil & Co": Slack sends the characters escaped in a command's text.
  const EVIL = "&lt;!channel&gt; Evil &amp; Co";
  const say = async (who: { user: string; channel: string }, text: string) =>
    answerTo(app, (await app.driver.command("/rapport", text, who)).responseUrl);

  beforeAll(async () => {
    app = await startTestApp();
    await setUpWorkspace(app);
  });
  afterAll(() => app.stop());

  it("never pings from a customer's name: the card's text, the Logged confirmation, the customer card", async () => {
    const from = app.slack.calls.length;
    await escalateFromCard(app, `${EVIL} complaint: broken`);
    await say(AGENT, `customer ${EVIL}`);
    const card = app.slack.calls
      .slice(from)
      .find((c) => c.method === "chat.postMessage" && c.args.channel === "C0MGRS");
    expect(String(card?.args.text)).toContain("&lt;!channel&gt; Evil &amp; Co");
    const live = app.slack.calls
      .slice(from)
      .flatMap((c) => liveMarkers(c.args).map((m) => `${c.method} ${m.path}: ${m.text}`));
    expect(live).toEqual([]);
  });

  it("never pings from words echoed back (unknown command, target, digest time, period, team)", async () => {
    const from = app.slack.calls.length;
    for (const [who, text] of [
      [AGENT, "<!here>"],
      [{ user: DIRECTOR, channel: "C0DIRS" }, "target follow-up-completion <!channel>"],
      [{ user: DIRECTOR, channel: "C0DIRS" }, "digest time <!channel> 08:00"],
      [{ user: DIRECTOR, channel: "C0DIRS" }, "digest <!channel>"],
      [ADMIN, "role <@U0AGENT|abe> agent team <!channel>"],
    ] as const) {
      const answer = await say(who, text);
      expect(liveMarkers(answer), text).toEqual([]);
    }
    expect(app.slack.calls.slice(from).flatMap((c) => liveMarkers(c.args))).toEqual([]);
  });

  it("shows a team name as typed, not double-escaped", async () => {
    const saved = await say(ADMIN, "team R&amp;D channel <#C0RND|rnd>");
    expect(saved.text).toContain("R&amp;D");
    expect(saved.text).not.toContain("&amp;amp;");
    expect(textOf(await say(ADMIN, "settings"))).not.toContain("&amp;amp;");
  });

  it("repeats what a team was set up with, so a mistyped channel or person shows at once", async () => {
    const saved = await say(ADMIN, "team Field channel <#C0FLD|field> director <@U0AGENT|abe> hours 07:00-15:00");
    expect(saved.text).toBe(
      "Team *Field* saved. Escalations go to <#C0FLD> · Director: <@U0AGENT> · Working day: 07:00-15:00",
    );
    expect((await say(ADMIN, "team Field")).text).toBe("Team *Field* saved.");
  });

  it("confirms a summary and posts a card whose text is all '<' (they outgrew a section once escaped)", async () => {
    const from = app.slack.calls.length;
    const answer = (await say(AGENT, `log Angle Co complaint: ${"<".repeat(1_999)}`)) as Json;
    expect(textOf(answer)).toContain("Logged");
    const escalation = await escalateFromCard(app, `Angle Brackets complaint: ${"<\n".repeat(999)}`);
    expect(escalation.messageTs).not.toBeNull();
    const refused = app.slack.calls.slice(from).filter((c) => c.result && c.result.ok === false);
    expect(refused.map((c) => `${c.method}: ${JSON.stringify(c.result)}`)).toEqual([]);
  });
});
