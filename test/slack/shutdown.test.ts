import { describe, expect, it } from "vitest";
import { startTestApp } from "../support/test-app.js";

describe("stopping Rapport", () => {
  it("stops taking requests but finishes the one in flight before closing the database", async () => {
    const app = await startTestApp();
    try {
      app.slack.addUser({ id: "U0SLOW", name: "sam" });
      app.slack.delayNext("users.info", 800);
      const sent = app.driver.command("/rapport", "help", { user: "U0SLOW" });
      // The handler is waiting on Slack for who is asking when the stop comes.
      await app.slack.waitFor("users.info");
      expect(app.slack.callsTo("response_url")).toHaveLength(0);

      await app.rapport.stop();

      // The handler ran to its end: the person got the answer (in the acknowledgement) and was registered.
      const response = await sent;
      expect(response.status).toBe(200);
      expect(app.slack.callsTo("response_url")).toHaveLength(1);
      await expect(fetch(`${app.url}/healthz`)).rejects.toThrow();
      const logged = app.logs.lines().map((line) => line.msg);
      expect(logged).toContain("Rapport stopped");
    } finally {
      await app.slack.stop();
    }
  });
});
