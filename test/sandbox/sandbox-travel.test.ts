import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../src/sandbox/main.js";

// Time travel ran the scheduled jobs once, at the end of the jump: after "+1 week" the director's
// digest came a week after its moment and said Rapport had been down. Each job now fires at each hour
// along the way, as it would have.
describe("the sandbox's time travel", () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  beforeAll(async () => {
    sandbox = await startSandbox({ quiet: true, port: 0, withoutDotenv: true });
  }, 90_000);
  afterAll(() => sandbox?.stop());

  it("sends the weekly digest at its moment during a week's jump, not late at the end", async () => {
    const travelled = await fetch(`${sandbox.url}/travel`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ hours: 24 * 7 }),
    });
    expect(travelled.status).toBe(200);
    const digests = sandbox.slack
      .callsTo("chat.postMessage")
      .filter((c) => c.args.channel === "U0DORA" && String(c.args.text ?? "").startsWith("📊"));
    expect(digests.length).toBeGreaterThan(0);
    // Dora reads Latvian: "Nosūtīts ar nokavēšanos" is the late notice.
    expect(digests.map((c) => JSON.stringify(c.args.blocks))).not.toContainEqual(
      expect.stringContaining("Nosūtīts ar nokavēšanos"),
    );
  }, 120_000);
});
