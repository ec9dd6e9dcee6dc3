import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseOneLine } from "../../src/domain/interactions/one-line.parser.js";
import { CHANNELS, channelOf, KINDS, kindOf } from "../../src/domain/interactions/vocabulary.js";

const KIND_WORDS = {
  question: "question",
  order: "order",
  complaint: "complaint",
  feedback: "feedback",
  other: "other",
} as const;
const CHANNEL_WORDS = {
  phone: "phone",
  in_person: "in person",
  email: "email",
  chat: "chat",
  social: "social",
  other: "other",
} as const;

// Customer names made of words that are neither kinds nor channels, nor a typo of a kind
// ("Cita" ends a line the parser rightly asks about).
const nameWord = fc
  .stringMatching(/^[A-Za-zÀ-ÿ][a-zà-ÿ]{2,9}$/)
  .filter((w) => !kindOf(w) && !channelOf(w) && parseOneLine(`Ana ${w}: x`).ok);
const customerName = fc.array(nameWord, { minLength: 1, maxLength: 4 }).map((words) => words.join(" "));
const summary = fc.string({ minLength: 1, maxLength: 300 }).filter((s) => s.trim().length > 0);

describe("parseOneLine", () => {
  it("recovers customer, kind, channel and summary from any well-formed line", () => {
    fc.assert(
      fc.property(
        customerName,
        fc.constantFrom(...KINDS),
        fc.constantFrom(...CHANNELS),
        summary,
        fc.boolean(),
        (customer, kind, channel, text, channelFirst) => {
          const words = channelFirst
            ? [CHANNEL_WORDS[channel], KIND_WORDS[kind]]
            : [KIND_WORDS[kind], CHANNEL_WORDS[channel]];
          const result = parseOneLine(`${customer} ${words.join(" ")}: ${text}`);
          expect(result).toEqual({ ok: true, value: { customer, kind, channel, summary: text.trim() } });
        },
      ),
    );
  });

  it("defaults to a question by phone when kind and channel are left out", () => {
    fc.assert(
      fc.property(customerName, summary, (customer, text) => {
        expect(parseOneLine(`${customer}: ${text}`)).toMatchObject({
          ok: true,
          value: { customer, kind: "question", channel: "phone" },
        });
      }),
    );
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (text) => {
        const result = parseOneLine(text);
        expect(typeof result.ok).toBe("boolean");
      }),
    );
  });

  it("reads synonyms and other languages' words, in any case", () => {
    expect(parseOneLine("Ana CALL Complain: x")).toMatchObject({ value: { kind: "complaint", channel: "phone" } });
    expect(parseOneLine("Ana reclamação telefone: x")).toMatchObject({
      value: { customer: "Ana", kind: "complaint", channel: "phone" },
    });
    expect(parseOneLine("Ana valitus puhelin: x")).toMatchObject({ value: { kind: "complaint", channel: "phone" } });
    expect(parseOneLine("Ana sūdzība e-pasts: x")).toMatchObject({ value: { kind: "complaint", channel: "email" } });
    expect(parseOneLine("Ana शिकायत फोन: x")).toMatchObject({ value: { kind: "complaint", channel: "phone" } });
    expect(parseOneLine("Ana புகார் மின்னஞ்சல்: x")).toMatchObject({ value: { kind: "complaint", channel: "email" } });
  });

  it("keeps a quoted customer whole, even when it ends in a channel word", () => {
    expect(parseOneLine('"Apple Store" email: where is it')).toEqual({
      ok: true,
      value: { customer: "Apple Store", kind: "question", channel: "email", summary: "where is it" },
    });
  });

  it("names a near-miss kind instead of taking it as part of the name", () => {
    expect(parseOneLine("Acme complant phone: x")).toMatchObject({
      ok: false,
      error: { code: "unknownKind", word: "complant", suggestion: "complaint" },
      partial: { customer: "Acme" },
    });
  });
});
