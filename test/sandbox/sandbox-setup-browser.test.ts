// An `--empty` sandbox set up entirely from its page, as an admin trying Rapport would:
// the team with its managers' channel and director, everyone's role, business hours and
// the intake channel, each typed with @name and #channel; then logging, escalating, intake
// and a review work on what was set up. Screenshots go to test-artifacts/sandbox-setup/.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../src/sandbox/main.js";
import { noBrowser, startWalk, type Walk } from "./browser.js";

describe.skipIf(noBrowser)("an empty sandbox, set up from the page", () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let walk: Walk;
  let page: Walk["page"];

  beforeAll(async () => {
    sandbox = await startSandbox({ quiet: true, empty: true });
    walk = await startWalk("sandbox-setup");
    page = walk.page;
  }, 120_000);
  afterAll(async () => {
    await walk?.close();
    await sandbox?.stop();
  });

  /** Types a command and waits for its answer (the newest message only the typist sees). */
  const command = async (text: string) => {
    const before = await page.locator("#messages .message.ephemeral").count();
    await walk.say(text);
    await expect.poll(() => page.locator("#messages .message.ephemeral").count(), { timeout: 15_000 }).toBe(before + 1);
    return page.locator("#messages .message.ephemeral").last().innerText();
  };

  it("starts as the admin, with set-up steps to try instead of history", async () => {
    await page.goto(sandbox.url);
    await page.locator("#intro").waitFor();
    expect(await page.inputValue("#person")).toBe("U0ADA");
    expect(await page.locator("#intro").innerText()).toContain("Nothing is set up yet");
    expect(await page.locator("#intro .try").first().getAttribute("data-try")).toBe(
      "/rapport team Support channel #managers director @dora",
    );
    await page.click("#tour-skip");
    await walk.shot("empty-first-screen");
  }, 60_000);

  it("sets up the team, the roles, the hours and intake with @name and #channel", async () => {
    const team = await command("/rapport team Support channel #managers director @dora");
    expect(team).toContain("Support");
    expect(team).toContain("#managers");
    expect(team).toContain("@Dora Ozola");
    for (const [who, role] of [
      ["@ana", "agent team Support"],
      ["@ben", "agent team Support"],
      ["@mia", "manager team Support"],
      ["@dora", "director"],
    ] as const) {
      const answer = await command(`/rapport role ${who} ${role}`);
      expect(answer).not.toMatch(/don't know|not found|Usage|Use `/i);
    }
    const hours = await command("/rapport hours 00:00-24:00 mon-sun UTC");
    expect(hours).toContain("24:00");
    const intake = await command("/rapport intake #intake on");
    expect(intake).toContain("#intake");
    await walk.shot("set-up-answers");
  }, 120_000);

  it("then logs, escalates to the managers' channel, takes intake posts and reviews an agent", async () => {
    await walk.actAs("U0BEN");
    await walk.say("/rapport log Maria Silva complaint phone: the box arrived crushed");
    const card = page.locator(".message.ephemeral", { hasText: "Maria Silva" });
    await card.waitFor({ timeout: 15_000 });
    await card.locator('[data-action="interaction_escalate"]').click();
    await page.waitForSelector("#modal-layer:not([hidden])");
    await page.fill('[data-block="reason"] [data-action]', "Wants a new box sent today");
    await page.selectOption('[data-block="severity"] select', "normal");
    // A complaint says what it is about: one of the workspace's categories.
    await page.selectOption('[data-block="reason_category"] select', { index: 1 });
    await page.check('[data-block="requested_action"] input[value="replacement"]');
    await page.click("#modal-submit");
    await page.waitForSelector("#modal-layer", { state: "hidden" });

    await walk.open("C0INTAKE");
    await walk.say("Acme Ltd called about a double charge on the invoice");
    await page
      .locator("#messages .message", { hasText: "Acme Ltd called" })
      .locator(".reaction")
      .waitFor({ timeout: 15_000 });
    await walk.shot("intake-after-set-up");

    await walk.actAs("U0MIA");
    await walk.open("C0MGRS");
    await page.locator("#messages .message", { hasText: "Maria Silva" }).waitFor({ timeout: 15_000 });
    await walk.shot("escalation-in-managers");
    await walk.open("DU0MIA");
    await walk.say("/rapport review @ben");
    const review = page.locator(".message.ephemeral", { hasText: "Ben Carter" });
    await review.waitFor({ timeout: 15_000 });
    expect(await review.innerText()).toContain("Support");
    await walk.shot("review-of-ben");
  }, 120_000);
});
