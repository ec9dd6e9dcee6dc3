import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../src/sandbox/main.js";
import { asSlackSends, notACommand } from "../../src/sandbox/slack-escaping.js";

type Json = Record<string, unknown>;

describe("what the sandbox sends for what a person types", () => {
  it("escapes as Slack does, and turns @name and #channel into mentions (should_escape: true)", () => {
    expect(asSlackSends("review @ben last")).toBe("review <@U0BEN|ben> last");
    expect(asSlackSends("team Support channel #managers")).toBe("team Support channel <#C0MGRS|managers>");
    expect(asSlackSends("a <b> & c @nobody #nowhere")).toBe("a &lt;b&gt; &amp; c @nobody #nowhere");
    expect(asSlackSends("mail ana@example.com")).toBe("mail ana@example.com");
  });
});

// Before, "/rapport team … channel #managers" reached Rapport as plain text and failed, so an --empty
// sandbox could not be set up from the page; "/raport help" was posted to the channel as a message.
describe("the sandbox's message box", () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  const say = async (user: string, text: string) =>
    (await fetch(`${sandbox.url}/say`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user, channel: "C0SUPPORT", text }),
    }).then((r) => r.json())) as Json;
  const shown = async (user: string, since = "0") =>
    (
      (await fetch(`${sandbox.url}/state?user=${user}&channel=C0SUPPORT&since=${since}`).then((r) => r.json())) as {
        messages: Array<{ text: string; ephemeral?: boolean; user: string | null }>;
      }
    ).messages;

  beforeAll(async () => {
    sandbox = await startSandbox({ quiet: true, empty: true, port: 0, withoutDotenv: true });
  }, 60_000);
  afterAll(() => sandbox?.stop());

  it("sets a team up with #channel and a role with @name, as Slack would send them", async () => {
    await say("U0ADA", "/rapport team Support channel #managers director @dora");
    await say("U0ADA", "/rapport role @mia manager team Support");
    await expect
      .poll(async () => (await shown("U0ADA")).filter((m) => m.ephemeral).map((m) => m.text))
      .toEqual(expect.arrayContaining([expect.stringContaining("Support"), expect.stringContaining("<@U0MIA>")]));
  });

  it("answers a command that does not exist as Slack does, and posts nothing", async () => {
    await say("U0BEN", "/raport help");
    const messages = await shown("U0BEN");
    expect(messages.filter((m) => m.ephemeral).map((m) => m.text)).toContain(notACommand("/raport"));
    expect(messages.filter((m) => !m.ephemeral && m.text.includes("raport"))).toEqual([]);
  });

  it("leaves out ephemeral answers from before the page was loaded, whatever `since` says", async () => {
    await say("U0BEN", "/raport again");
    const { since } = (await fetch(`${sandbox.url}/people`).then((r) => r.json())) as { since: number };
    expect((await shown("U0BEN", String(since))).filter((m) => m.ephemeral)).toEqual([]);
    const all = (await shown("U0BEN")).filter((m) => m.ephemeral).length;
    expect(all).toBeGreaterThan(0);
    // A negative or odd `since` reads as "from the start", never as "the last few calls".
    for (const odd of ["-1", "-1000", "abc", "1e309"])
      expect((await shown("U0BEN", odd)).filter((m) => m.ephemeral).length).toBe(all);
  });

  it("finds where a permalink's message is, and answers a forged one plainly", async () => {
    const { ts } = await say("U0BEN", "a note for the team");
    const find = (query: string) => fetch(`${sandbox.url}/find?${query}`).then((r) => r.json());
    expect(await find(`channel=C0SUPPORT&ts=${ts}`)).toEqual({ found: true, thread: null });
    expect(await find("channel=C0NOPE&ts=1.2")).toEqual({ found: false, thread: null });
    expect(await find("")).toEqual({ found: false, thread: null });
  });
});
