// Driving the sandbox's page in Debian's Chromium (Playwright): who acts, where they
// look, what they type, and screenshots kept as artefacts under test-artifacts/.
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

export const CHROMIUM = "/usr/bin/chromium";
// CI installs Chromium (scripts/install-chromium.sh), so there the browser tests always run.
export const noBrowser = !existsSync(CHROMIUM) && !process.env.CI;

export interface Walk {
  browser: Browser;
  page: Page;
  /** A full-page screenshot, numbered in the order taken. */
  shot(name: string): Promise<void>;
  actAs(user: string): Promise<void>;
  open(channel: string): Promise<void>;
  say(text: string, box?: string): Promise<void>;
  messages(): Promise<string>;
  close(): Promise<void>;
}

export async function startWalk(artifacts: string): Promise<Walk> {
  const folder = new URL(`../../test-artifacts/${artifacts}/`, import.meta.url);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  let shots = 0;
  return {
    browser,
    page,
    async shot(name) {
      expect(errors, "the page threw").toEqual([]);
      await page.screenshot({
        path: new URL(`${String(++shots).padStart(2, "0")}-${name}.png`, folder).pathname,
        fullPage: true,
      });
    },
    async actAs(user) {
      await page.selectOption("#person", user);
      await expect.poll(() => new URL(page.url()).searchParams.get("as")).toBe(user);
    },
    async open(channel) {
      await page.click(`[data-channel="${channel}"]`);
      await expect.poll(() => page.locator(`[data-channel="${channel}"].active`).count()).toBe(1);
    },
    async say(text, box = "#text") {
      await page.fill(box, text);
      await page.press(box, "Enter");
    },
    messages: () => page.locator("#messages").innerText(),
    async close() {
      await browser.close();
    },
  };
}
