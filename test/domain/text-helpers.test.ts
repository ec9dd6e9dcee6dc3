import { describe, expect, it } from "vitest";
import { customerKeyOf, normalizeName } from "../../src/domain/customers/normalize.js";
import { guessFromText } from "../../src/domain/interactions/guess.js";
import { plainFromSlack } from "../../src/slack/slack-text.js";

describe("normalizeName", () => {
  it("ignores case, accents and spacing", () => {
    expect(normalizeName("  MARÍA   da  Silva-Ñúñez ")).toBe("maria da silva nunez");
    expect(normalizeName("Jürgen   Müller")).toBe(normalizeName("jurgen muller"));
  });
});

describe("customerKeyOf", () => {
  it("reads #ids, emails and phone numbers, else a name", () => {
    expect(customerKeyOf("#C-1042")).toEqual({ kind: "externalId", value: "C-1042" });
    expect(customerKeyOf(" Ana@Example.COM ")).toEqual({ kind: "email", value: "ana@example.com" });
    expect(customerKeyOf("+351 912-345 678")).toEqual({ kind: "phone", value: "+351912345678" });
    expect(customerKeyOf("Ana Costa")).toEqual({ kind: "name", value: "ana costa" });
  });
});

describe("plainFromSlack", () => {
  it("unwraps Slack's links, mentions and entities into what the person typed", () => {
    expect(
      plainFromSlack(
        "<mailto:a@b.co|a@b.co> &lt;b&gt; &amp; <@U1|ann> <#C1|general> <!channel> <https://x.io|site> <https://y.io>",
      ),
    ).toBe("a@b.co <b> & @ann #general @channel site (https://x.io) https://y.io");
  });
});

describe("guessFromText", () => {
  it("takes the sender from a From: line and the kind from the words used", () => {
    expect(guessFromText("From: Jane Doe <jane@example.com>\nI want a refund", { channel: "other" })).toMatchObject({
      customer: "jane@example.com",
      newCustomer: { name: "Jane Doe", email: "jane@example.com" },
      kind: "complaint",
      channel: "email",
    });
    expect(guessFromText("Olá, gostaria de fazer uma encomenda", { channel: "chat" })).toMatchObject({
      customer: null,
      kind: "order",
    });
    expect(guessFromText("Kiitos hyvästä palvelusta!", { channel: "chat" }).kind).toBe("feedback");
  });
});

describe("guessFromText with a name and the way they got in touch", () => {
  it.each([
    ["Acme Ltd called, the invoice is wrong again", "Acme Ltd", "phone", "chat"],
    ["Maria Silva phoned about her parcel", "Maria Silva", "phone", "other"],
    ["Store 12 emailed: two chairs please", "Store 12", "email", "other"],
    ["João Souza ligou reclamando da entrega", "João Souza", "phone", "chat"],
    ["Matti Virtanen soitti laskusta", "Matti Virtanen", "phone", "chat"],
    ["Anna Bērziņa zvanīja par rēķinu", "Anna Bērziņa", "phone", "chat"],
    ["Mr Lee came in to return a lamp", "Mr Lee", "in_person", "other"],
    ["Hi team, Hooli called about a late delivery", "Hooli", "phone", "chat"],
    ["Bom dia! Maria Silva ligou sobre o pedido", "Maria Silva", "phone", "chat"],
  ])("reads %j as the customer %j by %s", (text, customer, channel, fallback) => {
    expect(guessFromText(text, { channel: fallback as "chat" | "other" })).toMatchObject({ customer, channel });
  });

  it("does not take a sentence for a name", () => {
    expect(guessFromText("the customer called about the invoice", { channel: "chat" })).toMatchObject({
      customer: null,
      channel: "chat",
    });
    expect(guessFromText("Someone recalled an old order", { channel: "chat" }).customer).toBeNull();
    expect(guessFromText("Someone called about a broken lamp", { channel: "other" }).customer).toBeNull();
    expect(guessFromText("A customer rang twice", { channel: "other" }).customer).toBeNull();
    expect(guessFromText("Um cliente ligou", { channel: "other" }).customer).toBeNull();
    expect(guessFromText("Hi team, someone called about a lamp", { channel: "other" }).customer).toBeNull();
  });
});

describe("guessFromText on long text", () => {
  it("still finds the email after a very long word, and only a whole address", () => {
    expect(guessFromText(`${"x".repeat(40_000)} write to ana@example.com`, { channel: "other" }).customer).toBe(
      "ana@example.com",
    );
    expect(guessFromText("mail: bob.smith+vip@shop.example.org today", { channel: "other" }).customer).toBe(
      "bob.smith+vip@shop.example.org",
    );
  });
});

describe("normalizeName for names without letters", () => {
  it("compares emoji and punctuation names by their symbols, and invisible ones as nothing", () => {
    expect(normalizeName("🍕🍕")).not.toBe(normalizeName("🍔🍔"));
    expect(normalizeName("🍕🍕")).toBe(normalizeName("🍕🍕\u200b"));
    expect(normalizeName("\u200b\u2060")).toBe("");
    expect(normalizeName("Ana\u200b Costa")).toBe("ana costa");
  });
});
