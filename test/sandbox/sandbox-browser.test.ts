// The sandbox in a real browser (Debian's Chromium, driven by Playwright), walked as a
// newcomer would, checking that the page shows what Slack would: the first screen, a
// reload, a mistyped command, the pickers and menus Rapport's messages and forms use,
// quotes, reactions, threads, permalinks, confirm dialogs, files, each person's dates and
// clock, and time travel. Screenshots go to test-artifacts/sandbox/.
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../src/sandbox/main.js";
import { noBrowser, startWalk, type Walk } from "./browser.js";

const catalog = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../src/i18n/locales/${lang}.json`, import.meta.url), "utf8"));
const DAY = 86_400_000;

/** A date as Slack shows it to someone in `locale` and `timeZone` ({date_short}). */
const shortDate = (at: Date, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "medium" }).format(at);
const isoDay = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);

describe.skipIf(noBrowser)(
  `the sandbox in a browser${noBrowser ? " (Chromium is not installed: npm run install-browser)" : ""}`,
  () => {
    let sandbox: Awaited<ReturnType<typeof startSandbox>>;
    let walk: Walk;
    let page: Walk["page"];
    const sandboxNow = async () =>
      new Date(((await (await fetch(`${sandbox.url}/people`)).json()) as { now: string }).now);
    const modalOpen = () => page.waitForSelector("#modal-layer:not([hidden])");
    const modalClosed = () => page.waitForSelector("#modal-layer", { state: "hidden" });
    const lastMessage = () => page.locator("#messages .message").last();
    /**
     * Clicks a time-travel button and waits until the jump has been walked (every job at each hour
     * along the way; a week of hours takes a while on a loaded machine).
     */
    const travel = async (button: "#travel-hour" | "#travel-day" | "#travel-week", times = 1) => {
      const hours = { "#travel-hour": 1, "#travel-day": 24, "#travel-week": 168 }[button] * times;
      const before = (await sandboxNow()).getTime();
      for (let i = 0; i < times; i++) await page.click(button);
      await expect
        .poll(async () => (await sandboxNow()).getTime() - before, { timeout: 150_000, interval: 250 })
        .toBeGreaterThanOrEqual(hours * 3_600_000);
    };

    beforeAll(async () => {
      sandbox = await startSandbox({ quiet: true });
      walk = await startWalk("sandbox");
      page = walk.page;
    }, 300_000);
    afterAll(async () => {
      await walk?.close();
      await sandbox?.stop();
    }, 300_000);

    it("binds to 127.0.0.1 only", () => {
      expect(new URL(sandbox.url).hostname).toBe("127.0.0.1");
    });

    it("first screen: the seeded history, three things to try, and a tour that can be dismissed (9)", async () => {
      await page.goto(`${sandbox.url}/?as=U0BEN`);
      const intro = page.locator("#intro");
      await intro.waitFor();
      expect(await intro.innerText()).toContain("Maria Silva order phone");
      expect(await intro.locator(".try").count()).toBe(3);
      const tour = page.locator("#tour");
      await tour.waitFor();
      expect(await tour.innerText()).toContain("1/4");
      expect(await page.locator("#person.tour-target").count()).toBe(1);
      await walk.shot("first-screen-tour");
      for (let step = 2; step <= 4; step++) {
        await page.click("#tour-next");
        expect(await tour.innerText()).toContain(`${step}/4`);
      }
      expect(await page.locator("#travel.tour-target").count()).toBe(1);
      await page.click("#tour-next");
      await tour.waitFor({ state: "hidden" });

      // A suggestion goes into the message box; sent, it answers as the command would.
      await intro.locator(".try", { hasText: "Look a customer up" }).click();
      expect(await page.inputValue("#text")).toBe("/rapport customer Maria Silva");
      await page.press("#text", "Enter");
      await page.locator(".message.ephemeral", { hasText: "Maria Silva" }).waitFor();
      await walk.shot("first-try");
    }, 300_000);

    it("a reload comes back to the same person and place, the tour stays dismissed, ephemeral answers are gone (7)", async () => {
      await walk.open("C0MGRS");
      await walk.open("C0SUPPORT");
      // The earlier walk's ephemeral answers are drawn once the conversation has loaded.
      await page.locator(".message.ephemeral").first().waitFor();
      await page.reload();
      await page.locator("#intro").waitFor();
      expect(await page.inputValue("#person")).toBe("U0BEN");
      expect(await page.locator('[data-channel="C0SUPPORT"].active').count()).toBe(1);
      await page.waitForTimeout(1_000);
      expect(await page.locator(".message.ephemeral").count()).toBe(0);
      expect(await page.locator("#tour").isHidden()).toBe(true);

      // An ephemeral answer can be dismissed.
      await walk.say("/rapport help");
      const help = page.locator(".message.ephemeral", { hasText: "/rapport log" });
      await help.waitFor();
      await help.locator(".dismiss").click();
      await help.waitFor({ state: "detached" });
    }, 300_000);

    it("a mistyped command gets Slackbot's answer and posts nothing (6)", async () => {
      await walk.say("/raport help");
      const answer = page.locator(".message.ephemeral", { hasText: "/raport is not a valid command" });
      await answer.waitFor();
      expect(await page.locator("#messages .message:not(.ephemeral)", { hasText: "/raport" }).count()).toBe(0);
      await walk.shot("not-a-command");
    }, 300_000);

    it("logs with the form: type-ahead, radio buttons and the date-time picker in the person's zone (3, 7)", async () => {
      await walk.say("/rapport log");
      await modalOpen();
      await page.fill('[data-block="customer"] input', "Initech");
      await page.locator('[data-block="customer"] select').waitFor({ state: "visible" });
      const create = page.locator('[data-block="customer"] select option', { hasText: "Initech" }).first();
      await page.selectOption('[data-block="customer"] select', { label: (await create.textContent()) ?? "" });
      await page.selectOption('[data-block="kind"] select', "question");
      await page.selectOption('[data-block="channel"] select', "email");
      await page.fill('[data-block="summary"] [data-action]', "Asks for a copy of the contract");
      await page.check('[data-block="outcome"] input[value="resolved"]');
      // When it happened: five days ago at 09:30, Ben's time (London), picked in the calendar.
      const when = new Date((await sandboxNow()).getTime() - 5 * DAY);
      const day = isoDay(when, "Europe/London");
      await page.click('[data-block="occurred_at"] .picker-button');
      if ((await page.locator(`[data-block="occurred_at"] [data-date="${day}"]`).count()) === 0)
        await page.click('[data-block="occurred_at"] .month-before');
      await page.click(`[data-block="occurred_at"] [data-date="${day}"]`);
      await page.selectOption('[data-block="occurred_at"] select.time-picker', "09:30");
      expect(await page.locator('[data-block="occurred_at"] .picker-button').innerText()).toContain(
        shortDate(when, "en-US", "Europe/London"),
      );
      await walk.shot("log-form-pickers");
      await page.click("#modal-submit");
      await modalClosed();
      await page.locator(".message.ephemeral", { hasText: "Initech" }).waitFor();

      // The customer's history says when it happened, as Ben reads dates.
      await walk.say("/rapport customer Initech");
      const card = page.locator(".message.ephemeral", { has: page.locator(".block.header", { hasText: "Initech" }) });
      await card.waitFor();
      expect(await card.innerText()).toContain("Asks for a copy of the contract");
      expect(await card.innerText()).toContain(shortDate(when, "en-US", "Europe/London"));

      // Its ⋯ menu opens as a menu; Edit opens the form with what was logged.
      await card.locator(".overflow-button").first().click();
      const menu = card.locator(".overflow-menu").first();
      await menu.waitFor();
      await walk.shot("overflow-menu");
      await menu.locator("button").first().click();
      await modalOpen();
      expect(await page.inputValue('[data-block="summary"] [data-action]')).toBe("Asks for a copy of the contract");
      expect(await page.locator('[data-block="occurred_at"] select.time-picker').inputValue()).toBe("09:30");
      await page.click("#modal-close");
      await modalClosed();
    }, 300_000);

    it("a modal closes with × and Escape; the Home tab has no message box; a draft stays with its conversation (7)", async () => {
      await walk.say("/rapport log");
      await modalOpen();
      await page.keyboard.press("Escape");
      await modalClosed();
      await walk.say("/rapport log");
      await modalOpen();
      await page.click("#modal-x");
      await modalClosed();

      await page.fill("#text", "half a thought");
      await walk.open("HOME");
      await expect.poll(() => page.locator("#composer").isHidden()).toBe(true);
      await walk.shot("home-no-composer");
      await walk.open("C0SUPPORT");
      expect(await page.inputValue("#text")).toBe("half a thought");
      await page.fill("#text", "");
    }, 300_000);

    it("the message shortcut fills the form, and the card's link to the message opens it here (7)", async () => {
      await walk.say("Hi team, Hooli called about a late delivery");
      const posted = page.locator("#messages .message", { hasText: "Hooli called" });
      await posted.waitFor();
      const ts = await posted.getAttribute("data-ts");
      await posted.locator('[data-shortcut="log"]').click();
      await modalOpen();
      expect(await page.inputValue('[data-block="summary"] [data-action]')).toContain("late delivery");
      expect(await page.inputValue('[data-block="customer"] input')).toContain("Hooli");
      await walk.shot("message-shortcut");
      await page.click("#modal-submit");
      await modalClosed();
      const logged = page.locator(".message.ephemeral", { hasText: "Hooli" }).last();
      const link = logged.locator("a[data-permalink]");
      await link.waitFor();
      expect(await link.getAttribute("href")).toBe("#");
      await walk.open("C0MGRS");
      await walk.open("C0SUPPORT");
      await page.locator("a[data-permalink]").last().click();
      await page.locator(`.message.highlight[data-ts="${ts}"]`).waitFor();
    }, 300_000);

    it("escalates with radio buttons; the manager's card quotes the reason; the thread reads and scrolls as Slack's (7)", async () => {
      await walk.say("/rapport log Globex complaint phone: parcel arrived crushed");
      const card = page.locator(".message.ephemeral", { hasText: "Globex" });
      await card.waitFor();
      await card.locator('[data-action="interaction_escalate"]').click();
      await modalOpen();
      await page.fill('[data-block="reason"] [data-action]', "Refund for the crushed parcel");
      await page.selectOption('[data-block="severity"] select', "high");
      // A complaint says what it is about: one of the workspace's categories.
      await page.selectOption('[data-block="reason_category"] select', { index: 1 });
      await page.check('[data-block="requested_action"] input[value="refund"]');
      // A mistake comes back beside its field, and what was typed stays.
      await page.fill('[data-block="amount"] [data-action]', "a lot");
      await page.click("#modal-submit");
      await page.locator('[data-block="amount"] .error').waitFor();
      expect(await page.inputValue('[data-block="reason"] [data-action]')).toBe("Refund for the crushed parcel");
      await walk.shot("escalate-form-error");
      await page.fill('[data-block="amount"] [data-action]', "49.90");
      await page.click("#modal-submit");
      await modalClosed();

      // Mia, the manager (in Finnish), sees the reason as a quote, not behind a ">".
      await walk.actAs("U0MIA");
      await walk.open("C0MGRS");
      const escalation = page.locator("#messages .message", { hasText: "Globex" }).last();
      await escalation.waitFor();
      expect(await escalation.locator("blockquote", { hasText: "Refund for the crushed parcel" }).count()).toBe(1);
      expect(await escalation.innerText()).not.toMatch(/(^|\n)\s*(>|&gt;)/);
      await escalation.locator("a.thread-link").click();
      for (let i = 1; i <= 12; i++) await walk.say(`note ${i}: called the courier`, "#reply-text");
      await walk.say("approve Refund sent today", "#reply-text");
      await expect.poll(() => page.locator("#replies").innerText(), { timeout: 15_000 }).toContain("Refund sent today");
      // The newest reply is in view at the bottom of the thread.
      await expect
        .poll(async () => {
          const pane = await page.locator("#replies").boundingBox();
          const last = await page.locator("#replies .message").last().boundingBox();
          return Boolean(pane && last && last.y + last.height <= pane.y + pane.height + 1 && last.y >= pane.y);
        })
        .toBe(true);
      expect(await page.locator("#replies").evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
      await walk.shot("approved-in-thread");
      const replies = await page.locator("#replies .message").count();
      expect(await escalation.locator("a.thread-link").innerText()).toBe(`${replies - 1} replies`);
      await page.click("#close-thread");

      // Ben hears of it in his DM with the app.
      await walk.actAs("U0BEN");
      await walk.open("DU0BEN");
      await expect.poll(walk.messages, { timeout: 15_000 }).toContain("approved the escalation for Globex");
      await walk.shot("agent-dm");
    }, 300_000);

    it("intake: Rapport's ✅ reaction is drawn, and its answer in the thread reads “1 reply” (7)", async () => {
      await walk.open("C0INTAKE");
      await walk.say("Maria Silva phoned about her order, it is late");
      const posted = page.locator("#messages .message", { hasText: "Maria Silva phoned" });
      await posted.locator('.reaction[data-reaction="white_check_mark"]').waitFor({ timeout: 15_000 });
      expect(await posted.locator(".reaction").innerText()).toContain("✅");
      await expect.poll(() => posted.locator("a.thread-link").innerText()).toBe("1 reply");
      await walk.shot("intake-reaction");
    }, 300_000);

    it("after a jump, answers land at the bottom and Undo still works; the follow-up's date picker and person picker (1, 3, 7)", async () => {
      await walk.open("DU0BEN");
      // Three days on, the satisfaction follow-up for Globex arrives (or its reminder).
      await travel("#travel-day", 3);
      await expect.poll(walk.messages, { timeout: 15_000 }).toMatch(/follow.up with Globex/);
      await walk.say("/rapport help");
      await expect.poll(async () => (await lastMessage().innerText()).includes("/rapport log")).toBe(true);

      // Logged after the jump, it can still be undone (the undo window is the app's clock's).
      await walk.say("/rapport log Umbrella Corp question chat: asks about bulk prices");
      const logged = page.locator(".message.ephemeral", { hasText: "Umbrella Corp" });
      await logged.waitFor();
      expect(await lastMessage().innerText()).toContain("Umbrella Corp");
      await logged.locator('[data-action="interaction_undo"]').click();
      await expect.poll(() => logged.innerText()).toContain("Undone, nothing is kept");

      // Snooze with the date picker: nine days on, chosen in the calendar.
      const followUp = page.locator("#messages .message", { hasText: /follow.up with Globex/ }).last();
      const later = new Date((await sandboxNow()).getTime() + 9 * DAY);
      const day = isoDay(later, "Europe/London");
      await followUp.locator(".picker-button").click();
      if ((await followUp.locator(`[data-date="${day}"]`).count()) === 0)
        await followUp.locator(".month-after").click();
      await walk.shot("snooze-calendar");
      await followUp.locator(`[data-date="${day}"]`).click();
      await expect
        .poll(walk.messages, { timeout: 15_000 })
        .toContain(`Snoozed until ${shortDate(later, "en-US", "Europe/London")}`);

      // Reassign: the person picker lists the workspace's people; Ana gets the follow-up.
      await walk.say("/rapport followup Initech tomorrow: send the contract copy");
      await page.locator(".message.ephemeral", { hasText: "Initech" }).last().waitFor();
      await travel("#travel-day");
      await travel("#travel-hour");
      const initech = page.locator("#messages .message", { hasText: /Initech/ }).last();
      await initech.locator('[data-action="follow_up_reassign"]').waitFor({ timeout: 15_000 });
      await initech.locator('[data-action="follow_up_reassign"]').click();
      await modalOpen();
      expect(await page.locator(".unsupported").count()).toBe(0);
      await page.selectOption('[data-block="assignee"] select.users-select', "U0ANA");
      await walk.shot("person-picker");
      await page.click("#modal-submit");
      await modalClosed();
      await expect.poll(walk.messages, { timeout: 15_000 }).toContain("Handed to someone else");
      // Handed on, it reaches Ana at the follow-up job's next run (an hour on).
      await travel("#travel-hour");
      await walk.actAs("U0ANA");
      await walk.open("DU0ANA");
      await expect.poll(walk.messages, { timeout: 15_000 }).toContain("Initech");
    }, 300_000);

    it("a campaign's last day is picked in the calendar, and Stop asks first (7)", async () => {
      await walk.actAs("U0MIA");
      await walk.open("DU0MIA");
      await walk.say("/rapport campaign");
      await modalOpen();
      await page.fill('[data-block="campaign_name"] [data-action]', "Winter");
      await page.fill('[data-block="campaign_offer"] [data-action]', "10% off the winter blend");
      await page.selectOption('[data-block="campaign_segment"] select', "lapsed");
      const end = new Date((await sandboxNow()).getTime() + 20 * DAY);
      const day = isoDay(end, "Europe/Helsinki");
      await page.click('[data-block="campaign_ends"] .picker-button');
      await page.click('[data-block="campaign_ends"] .month-before');
      if ((await page.locator(`[data-block="campaign_ends"] [data-date="${day}"]`).count()) === 0)
        await page.click('[data-block="campaign_ends"] .month-after');
      await page.click(`[data-block="campaign_ends"] [data-date="${day}"]`);
      await page.click("#modal-submit");
      await modalClosed();
      const progress = page.locator("#messages .message", { hasText: "Winter" }).last();
      await progress.waitFor();
      const fi = catalog("fi");
      await progress.locator('[data-action="campaign_stop"]').click();
      await page.locator("#confirm-layer:not([hidden])").waitFor();
      expect(await page.locator("#confirm").innerText()).toContain(fi.campaign.stopTitle);
      await walk.shot("confirm-dialog");
      await page.click("#confirm-deny");
      await page.waitForTimeout(1_000);
      expect(await progress.locator('[data-action="campaign_stop"]').count()).toBe(1);
      await progress.locator('[data-action="campaign_stop"]').click();
      await page.click("#confirm-yes");
      await expect.poll(() => progress.locator('[data-action="campaign_stop"]').count(), { timeout: 15_000 }).toBe(0);
    }, 300_000);

    it("an export's CSV files are in the DM, downloadable as CSV (4)", async () => {
      await walk.say("/rapport export");
      const files = page.locator("#messages a.file[data-file$='.csv']");
      await expect.poll(() => files.count(), { timeout: 30_000 }).toBe(2);
      await walk.shot("export-files");
      const href = await files.first().getAttribute("href");
      const download = await fetch(new URL(href ?? "", sandbox.url));
      expect(download.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(download.headers.get("content-disposition")).toContain("attachment");
      expect((await download.text()).split("\n")[0]).toContain(",");
    }, 300_000);

    it("Dora's clock and dates read in Latvian and Riga time; a week's jump sends her digest on time (5, 8)", async () => {
      await walk.actAs("U0DORA");
      await walk.open("DU0DORA");
      const clock = async () => {
        const now = await sandboxNow();
        const shown = await page.locator("#clock").innerText();
        const expected = [0, -60_000].map((back) =>
          new Intl.DateTimeFormat("lv-LV", { timeZone: "Europe/Riga", dateStyle: "full", timeStyle: "short" }).format(
            new Date(now.getTime() + back),
          ),
        );
        return expected.includes(shown);
      };
      await expect.poll(clock).toBe(true);

      await travel("#travel-week");
      const lv = catalog("lv");
      const digest = page.locator("#messages .message", { hasText: "Pārskats" }).last();
      await digest.waitFor({ timeout: 60_000 });
      const chart = digest.locator("img.block-image");
      await chart.waitFor({ timeout: 30_000 });
      await expect
        .poll(() => chart.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
        .toBeGreaterThan(0);
      expect(await walk.messages()).not.toContain(String(lv.digest.late).split("{{")[0]);
      const sent = new Date(Number(await digest.getAttribute("data-ts")) * 1000);
      expect(await digest.locator(".time").innerText()).toBe(
        new Intl.DateTimeFormat("lv-LV", { timeZone: "Europe/Riga", dateStyle: "medium", timeStyle: "short" }).format(
          sent,
        ),
      );
      await walk.shot("director-digest");

      await walk.open("HOME");
      await expect.poll(walk.messages, { timeout: 15_000 }).toContain("Šonedēļ");
      await walk.shot("director-home");
    });
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
