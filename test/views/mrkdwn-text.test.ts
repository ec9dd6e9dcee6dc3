import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clip, visibleText } from "../../src/domain/text.js";
import { createI18n } from "../../src/i18n/i18n.js";
import { verbatim } from "../../src/i18n/verbatim.js";
import { mention, slackDate } from "../../src/slack/format.js";
import { fitMrkdwn, mrkdwnText, plainText, quoteText } from "../../src/slack/mrkdwn.js";

const wellFormed = (text: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
// No entity cut in half and no raw control character left.
const escapedWell = (text: string) => !/[<>]/.test(text) && !/&(?!amp;|lt;|gt;)/.test(text);

describe("translations escape what people typed", () => {
  it("escapes interpolated strings, keeps what the app marked as mrkdwn, and leaves numbers alone", async () => {
    const t = (await createI18n("en")).translator("en");
    const text = t("setup.teamSaved", { name: "<!channel> R&D <@U1>" });
    expect(text).toContain("&lt;!channel&gt; R&amp;D &lt;@U1&gt;");
    expect(text).not.toContain("<!channel>");
    const by = t("card.by", { person: mention("U0AGENT") });
    expect(by).toContain("<@U0AGENT>");
    const when = t("card.when", { date: slackDate(new Date(0)) });
    expect(when).toContain("<!date^0^");
    expect(t("card.recentComplaints", { count: 3 })).toContain("3");
    expect(t("setup.teamSaved", { name: verbatim("*bold*") })).toContain("*bold*");
  });

  it("gives a plain_text field back what was typed", async () => {
    const t = (await createI18n("en")).translator("en");
    expect(plainText(t("log.createCustomer", { name: "R&D <x>" }), 75)).toContain("R&D <x>");
  });
});

describe("cutting text for Slack", () => {
  it("counts after escaping: a summary of '<' fits the section it goes into", () => {
    const cut = mrkdwnText("<".repeat(3_000), 2_500).text;
    expect(cut.length).toBeLessThanOrEqual(2_500);
    expect(escapedWell(cut.replace(/…$/, ""))).toBe(true);
    const quoted = quoteText("a\n".repeat(2_000), 2_500).text;
    expect(quoted.length).toBeLessThanOrEqual(2_500);
    expect(quoteText("<\n".repeat(3_000), 2_000).text.length).toBeLessThanOrEqual(2_000);
  });

  it("never splits an emoji, a flag or a family", () => {
    const text = `${"a".repeat(1_999)}😀 end`;
    expect(clip(text, 2_000)).toBe("a".repeat(1_999));
    expect(clip("👨‍👩‍👧‍👦👨‍👩‍👧‍👦", 12)).toBe("👨‍👩‍👧‍👦");
    expect(clip("🇵🇹🇫🇮", 5)).toBe("🇵🇹");
  });

  it("keeps every cut well formed and within its limit, whatever the text (property)", () => {
    const piece = fc.constantFrom("<", ">", "&", "😀", "👍🏽", "🇱🇻", "\u200b", "\n", " ", "a", "ā", "த", "&amp;");
    const text = fc.array(piece, { maxLength: 400 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 300 }), (value, max) => {
        const cut = mrkdwnText(value, max).text;
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(wellFormed(cut)).toBe(true);
        expect(escapedWell(cut.replace(/…$/, ""))).toBe(true);
        const quoted = quoteText(value, max).text;
        expect(quoted.length).toBeLessThanOrEqual(max);
        expect(wellFormed(quoted)).toBe(true);
        expect(wellFormed(clip(value, max))).toBe(true);
        const fitted = fitMrkdwn(mrkdwnText(value, 10_000).text, max);
        expect(fitted.length).toBeLessThanOrEqual(max);
        expect(escapedWell(fitted.replace(/…$/, ""))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("sees a name of zero-width characters and controls as empty", () => {
    expect(visibleText("\u200b\u200d\u0000 \u2060")).toBe("");
    expect(visibleText("Ana\u0000 ")).toBe("Ana");
  });
});
