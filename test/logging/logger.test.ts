import { describe, expect, it } from "vitest";
import { memoryLogger } from "../support/memory-log.js";

describe("the JSON logger", () => {
  it("writes one JSON object a line", () => {
    const { logger, lines } = memoryLogger("info");
    logger.info({ team: "T1" }, "hello");
    expect(lines()).toEqual([expect.objectContaining({ level: 30, app: "rapport", team: "T1", msg: "hello" })]);
  });

  it("never writes a Slack token, a signing secret or a database password", () => {
    const { logger, raw } = memoryLogger("info");
    logger.info({ token: "xoxb-111-222-abc", config: { signingSecret: "shh", appToken: "xapp-1-A-2" } }, "starting");
    logger.warn("request to postgresql://rapport:hunter2@db:5432/x failed with xoxb-999-888-zzz");
    logger.error({ err: new Error("auth failed for xoxp-123-456") }, "oops");
    const text = raw();
    for (const secret of ["xoxb-111-222-abc", "shh", "xapp-1-A-2", "hunter2", "xoxb-999-888-zzz", "xoxp-123-456"]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain("postgresql://rapport:[redacted]@db:5432/x");
    expect(text).toContain("[redacted-token]");
  });
});

describe("errors in the log", () => {
  it("keeps an error's type, message, code, stack and cause (it was written as err: {})", () => {
    const { logger, lines } = memoryLogger("info");
    const cause = Object.assign(new Error("connection reset"), { code: "ECONNRESET" });
    logger.error({ err: new TypeError("boom", { cause }), request: "command /rapport" }, "request failed");
    const [line] = lines() as Array<Record<string, Record<string, unknown>>>;
    expect(line?.err).toMatchObject({ type: "TypeError", message: expect.stringContaining("boom") });
    expect(String(line?.err?.stack)).toContain("TypeError: boom");
    expect(JSON.stringify(line?.err)).toContain("connection reset");
  });
});
