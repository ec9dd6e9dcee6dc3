import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/i18n/i18n.js";
import { escapeMrkdwn, shorten } from "../../src/slack/mrkdwn.js";
import { buildErrorMessage } from "../../src/slack/views/error.view.js";
import { buildHelpMessage } from "../../src/slack/views/help.view.js";
import { buildHomeView } from "../../src/slack/views/home.view.js";
import { checkBlocks, checkView, LIMITS } from "../../src/slack-stand-in/limits.js";

const t = (await createI18n("en")).translator("en");

describe("view builders", () => {
  it("help: a header, what Rapport is and the commands, within Slack's limits", () => {
    const help = buildHelpMessage(t);
    expect(help.text).toBe("Rapport: customer relations in Slack");
    expect(help.blocks.map((b) => b.type)).toEqual(["header", "section", "section", "context", "context"]);
    // Placeholders are escaped: Slack would read a bare <customer> as a link.
    expect(JSON.stringify(help.blocks)).toContain("/rapport log &lt;customer&gt; [kind] [channel]: &lt;summary&gt;");
    expect(JSON.stringify(help.blocks)).not.toMatch(/help\.|errors\./); // no raw catalog keys
    expect(checkBlocks(help.blocks, LIMITS.messageBlocks)).toEqual([]);
  });

  it("home: the same content as a home view", () => {
    expect(checkView(buildHomeView(t))).toEqual([]);
  });

  it("error: gives back exactly what the person typed, verbatim, without mrkdwn", () => {
    const typed = "/rapport log <!channel> *ACME* & co";
    const message = buildErrorMessage(t("errors.unavailable"), t, typed);
    expect(message.text).toContain("temporarily unavailable");
    expect(JSON.stringify(message.blocks)).toContain(JSON.stringify(typed).slice(1, -1));
    expect(message.blocks.at(-1)?.type).toBe("rich_text");
    expect(checkBlocks(message.blocks, LIMITS.messageBlocks)).toEqual([]);
  });
});

describe("mrkdwn helpers", () => {
  it("escapes the three control characters so text cannot mention or link", () => {
    expect(escapeMrkdwn("<!channel> & <@U1|bob> <http://x|y>").text).toBe(
      "&lt;!channel&gt; &amp; &lt;@U1|bob&gt; &lt;http://x|y&gt;",
    );
  });

  it("shortens at a word boundary, never mid-word", () => {
    expect(shorten("Customer called about the late delivery", 24)).toBe("Customer called about…");
    expect(shorten("short", 24)).toBe("short");
    expect(shorten("Supercalifragilisticexpialidocious", 10)).toHaveLength(10);
  });
});
