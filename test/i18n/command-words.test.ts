import { describe, expect, it } from "vitest";
import { parseDecisionReply } from "../../src/domain/escalations/decision-words.js";
import { parseOneLine } from "../../src/domain/interactions/one-line.parser.js";
import { CATALOGS } from "../../src/i18n/i18n.js";
import { SUPPORTED_LOCALES } from "../../src/i18n/locales.js";

// The examples each language's help shows must work as typed.
describe.each(SUPPORTED_LOCALES)("command words in %s", (locale) => {
  const catalog = CATALOGS[locale] as { log: { usage: string }; escalation: { replyHint: string } };

  it("the /rapport log example in the usage line logs a complaint by phone", () => {
    const example = /`\/rapport log ([^`<&]+)`/.exec(catalog.log.usage)?.[1];
    expect(example).toBeDefined();
    expect(parseOneLine(example ?? "")).toMatchObject({
      ok: true,
      value: { customer: "Maria Silva", kind: "complaint", channel: "phone" },
    });
  });

  it("the thread replies the card suggests are understood", () => {
    const words = [...catalog.escalation.replyHint.matchAll(/`([^`]+)`/g)].map((m) => (m[1] ?? "").split(" ")[0] ?? "");
    expect(words).toHaveLength(3);
    expect(words.map((w) => parseDecisionReply(`${w} ok`)?.decision)).toEqual(["approve", "reject", "claim"]);
  });
});
