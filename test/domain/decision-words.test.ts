import { describe, expect, it } from "vitest";
import { parseDecisionReply } from "../../src/domain/escalations/decision-words.js";

describe("parseDecisionReply", () => {
  it.each([
    ["claim", "claim", ""],
    ["Approve: refund agreed", "approve", "refund agreed"],
    ["reject - no proof of purchase", "reject", "no proof of purchase"],
    ["<@U0RAPPBOT> approve ok", "approve", "ok"],
    ["aprovado: reembolso total", "approve", "reembolso total"],
    ["hylätty, ei kuittia", "reject", "ei kuittia"],
    ["apstiprināts", "approve", ""],
    ["स्वीकार धनवापसी", "approve", "धनवापसी"],
    ["நிராகரி ரசீது இல்லை", "reject", "ரசீது இல்லை"],
  ])("reads %j", (text, decision, note) => {
    expect(parseDecisionReply(text)).toEqual({ decision, note });
  });

  it("leaves conversation alone", () => {
    expect(parseDecisionReply("what did the customer say?")).toBeNull();
    expect(parseDecisionReply("")).toBeNull();
  });
});
