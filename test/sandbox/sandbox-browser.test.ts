// The sandbox in a real browser (Debian's Chromium, driven by Playwright): log an
// interaction with the one-line command and with the form, escalate it, approve it
// as the manager in the card's thread, see the agent's DM, jump the clock, complete
// the follow-up, open the director's digest. Screenshots go to test-artifacts/sandbox/.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../src/sandbox/main.js";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = new URL("../../test-artifacts/sandbox/", import.meta.url);
// CI installs Chromium (scripts/install-chromium.sh), so there the test always runs.
const missing = !existsSync(CHROMIUM) && !process.env.CI;

describe.skipIf(missing)(
  `the sandbox in a browser${missing ? " (Chromium is not installed: npm run install-browser)" : ""}`,
  () => {
    let sandbox: Awaited<ReturnType<typeof startSandbox>>;
    let browser: Browser;
    let page: Page;
    let shots = 0;
    const shot = async (name: string) =>
      page.screenshot({
        path: new URL(`${String(++shots).padStart(2, "0")}-${name}.png`, ARTIFACTS).pathname,
        fullPage: true,
      });
    const actAs = async (user: string) => {
      await page.selectOption("#person", user);
    };
    const open = async (channel: string) => {
      await page.click(`[data-channel="${channel}"]`);
      await expect.poll(() => page.locator(`[data-channel="${channel}"].active`).count()).toBe(1);
    };
    const say = async (text: string, box = "#text") => {
      await page.fill(box, text);
      await page.press(box, "Enter");
    };
    const messages = () => page.locator("#messages").innerText();

    beforeAll(async () => {
      await rm(ARTIFACTS, { recursive: true, force: true });
      await mkdir(ARTIFACTS, { recursive: true });
      sandbox = await startSandbox({ quiet: true });
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
      page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await sandbox?.stop();
    });

    it("binds to 127.0.0.1 only", () => {
      expect(new URL(sandbox.url).hostname).toBe("127.0.0.1");
    });

    it("goes from logging to the director's digest", async () => {
      await page.goto(`${sandbox.url}/?as=U0BEN`);

      // The one-line command: the card comes back, only for Ben.
      await say("/rapport log Globex complaint phone: parcel arrived crushed");
      const card = page.locator(".message.ephemeral", { hasText: "Globex" });
      await card.waitFor();
      await shot("logged-in-one-line");

      // The form: type-ahead offers to create the customer; kind, channel and summary.
      await say("/rapport log");
      await page.waitForSelector("#modal-layer:not([hidden])");
      await page.fill('[data-block="customer"] input', "Initech");
      await page.locator('[data-block="customer"] select').waitFor({ state: "visible" });
      const create = page.locator('[data-block="customer"] select option', { hasText: "Initech" }).first();
      await page.selectOption('[data-block="customer"] select', { label: (await create.textContent()) ?? "" });
      await page.selectOption('[data-block="kind"] select', "question");
      await page.selectOption('[data-block="channel"] select', "email");
      await page.fill('[data-block="summary"] [data-action]', "Asks for a copy of the contract");
      await shot("log-form");
      await page.click("#modal-submit");
      await page.waitForSelector("#modal-layer", { state: "hidden" });
      await page.locator(".message.ephemeral", { hasText: "Initech" }).waitFor();

      // A message in the channel, logged with the message shortcut (the form opens with it).
      await say("Hi team, Hooli called about a late delivery");
      const posted = page.locator("#messages .message", { hasText: "Hooli called" });
      await posted.locator('[data-shortcut="log"]').click();
      await page.waitForSelector("#modal-layer:not([hidden])");
      expect(await page.inputValue('[data-block="summary"] [data-action]')).toContain(
        "Hooli called about a late delivery",
      );
      await shot("message-shortcut");
      await page.click("#modal-close");
      await page.waitForSelector("#modal-layer", { state: "hidden" });

      // Escalate the first one from its card.
      await card.locator('[data-action="interaction_escalate"]').click();
      await page.waitForSelector("#modal-layer:not([hidden])");
      await page.fill('[data-block="reason"] [data-action]', "Refund for the crushed parcel");
      await page.selectOption('[data-block="severity"] select', "high");
      await page.selectOption('[data-block="requested_action"] select', "refund");
      // A mistake comes back beside its field, and what was typed stays.
      await page.fill('[data-block="amount"] [data-action]', "a lot");
      await page.click("#modal-submit");
      await page.locator('[data-block="amount"] .error').waitFor();
      expect(await page.inputValue('[data-block="reason"] [data-action]')).toBe("Refund for the crushed parcel");
      await shot("escalate-form-error");
      await page.fill('[data-block="amount"] [data-action]', "49.90");
      await page.click("#modal-submit");
      await page.waitForSelector("#modal-layer", { state: "hidden" });

      // Mia, the manager, approves in the card's thread (she reads Rapport in Finnish).
      await actAs("U0MIA");
      await open("C0MGRS");
      const escalation = page.locator("#messages .message", { hasText: "Globex" }).last();
      await escalation.waitFor();
      await escalation.locator("a.note").click();
      await say("approve Refund sent today", "#reply-text");
      await expect.poll(() => page.locator("#replies").innerText(), { timeout: 15_000 }).toContain("Refund sent today");
      await expect.poll(() => page.locator("#replies .message").count()).toBeGreaterThanOrEqual(3);
      await shot("approved-in-thread");

      // Ben hears of it in his DM with the app.
      await actAs("U0BEN");
      await open("DU0BEN");
      await expect.poll(messages, { timeout: 15_000 }).toContain("approved the escalation for Globex");
      await shot("agent-dm");

      // Three days later the satisfaction follow-up arrives (the jobs ran at each hour of the jump, so by
      // its end it may already be a reminder); Ben marks it done.
      for (let day = 0; day < 3; day++) await page.click("#travel-day");
      await expect.poll(messages, { timeout: 15_000 }).toMatch(/follow.up with Globex/);
      await shot("follow-up-due");
      await page
        .locator("#messages .message", { hasText: /follow.up with Globex/ })
        .last()
        .locator('[data-action^="follow_up_done"]')
        .click();
      await page.waitForSelector("#modal-layer:not([hidden])");
      await page.selectOption('[data-block="follow_up_outcome"] select', "satisfied");
      await page.click("#modal-submit");
      await page.waitForSelector("#modal-layer", { state: "hidden" });
      await expect.poll(messages, { timeout: 15_000 }).toContain("✅");
      await shot("follow-up-done");

      // Dora, the director, opens her digest: in Latvian, with the chart drawn.
      await actAs("U0DORA");
      await open("DU0DORA");
      await say("/rapport digest");
      const chart = page.locator("#messages img.block-image");
      await chart.waitFor({ timeout: 30_000 });
      await expect
        .poll(() => chart.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
        .toBeGreaterThan(0);
      const digest = await messages();
      expect(digest).toContain("Pārskats");
      expect(digest).toMatch(/Saziņas:\s*8/); // 5 seeded + Globex + Initech + the follow-up's outcome
      await shot("director-digest");

      // Her home tab shows the week against the targets.
      await open("HOME");
      await expect.poll(() => page.locator("#messages").innerText(), { timeout: 15_000 }).toContain("Šonedēļ");
      await shot("director-home");
    }, 180_000);
  },
);

describe("the sandbox's guard", () => {
  it("names the .env that set real Slack settings, and starts without it when asked", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "rapport-dotenv-"));
    try {
      await writeFile(path.join(folder, ".env"), "SLACK_BOT_TOKEN=xoxb-from-the-file\nSLACK_SIGNING_SECRET=abc\n");
      await expect(startSandbox({ quiet: true, cwd: folder })).rejects.toThrow(
        `The sandbox does not start while real Slack settings are set (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET in ${path.join(folder, ".env")}): it must never reach a real Slack. To run it anyway, run \`npm run sandbox -- --without-dotenv\` to leave that file out.`,
      );
      const sandbox = await startSandbox({ quiet: true, cwd: folder, withoutDotenv: true, empty: true, port: 0 });
      await sandbox.stop();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);

  it("refuses to start where real Slack credentials are set", async () => {
    const before = process.env.SLACK_BOT_TOKEN;
    process.env.SLACK_BOT_TOKEN = "xoxb-real-looking";
    try {
      await expect(startSandbox({ quiet: true })).rejects.toThrow(
        "The sandbox does not start while real Slack settings are set (SLACK_BOT_TOKEN in the environment): it must never reach a real Slack. To run it anyway, unset SLACK_BOT_TOKEN.",
      );
    } finally {
      if (before === undefined) delete process.env.SLACK_BOT_TOKEN;
      else process.env.SLACK_BOT_TOKEN = before;
    }
  });
});
