import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: two workers keep PGlite start-ups from starving each other.
    maxWorkers: 2,
    // Work that happens after Slack's ack is awaited with expect.poll; give a loaded CI machine room.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
