import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guessLocaleFromTimeZone } from "../../src/i18n/locales.js";
import { answerTo, buttonsOf, latest, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

type Json = Record<string, unknown>;

// Many people keep Slack in a language Rapport does not speak. Their Home tab asks them once which
// language to use, the one their time zone suggests first.
describe("the Home tab's language offer", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: "U0SVEN", name: "sven", locale: "sv-SE", tz: "Europe/Helsinki" });
    app.slack.addUser({ id: "U0DIET", name: "dieter", locale: "de-DE", tz: "Europe/Berlin" });
    app.slack.addUser({ id: "U0EMMA", name: "emma", locale: "en-US", tz: "Europe/Helsinki" });
  });
  afterAll(() => app.stop());

  async function home(user: string): Promise<Json> {
    const before = app.slack.callsTo("views.publish").length;
    await app.driver.event({ type: "app_home_opened", user, channel: `D${user}`, tab: "home" });
    const published = await latest(app, "views.publish", before);
    expect(published.args.user_id).toBe(user);
    return published.args.view as Json;
  }

  async function click(user: string, view: Json, actionId: string) {
    const button = buttonsOf(view).find((b) => b.action_id === actionId);
    if (!button) throw new Error(`no ${actionId} in ${JSON.stringify(view.blocks)}`);
    const before = app.slack.callsTo("views.publish").length;
    await app.driver.blockAction(
      { user },
      { action_id: button.action_id, value: button.value },
      { view: { type: "home" } },
    );
    // The tab redraws after the click.
    return (await latest(app, "views.publish", before)).args.view as Json;
  }

  it("guesses from the time zone", () => {
    expect(guessLocaleFromTimeZone("Europe/Helsinki")).toBe("fi");
    expect(guessLocaleFromTimeZone("Europe/Riga")).toBe("lv");
    expect(guessLocaleFromTimeZone("America/Sao_Paulo")).toBe("pt");
    expect(guessLocaleFromTimeZone("Europe/Lisbon")).toBe("pt-PT");
    expect(guessLocaleFromTimeZone("Asia/Kolkata")).toBe("hi");
    expect(guessLocaleFromTimeZone("Europe/Berlin")).toBeUndefined();
  });

  it("offers the guess first; once chosen, the tab speaks it and asks no more", async () => {
    const first = await home("U0SVEN");
    const buttons = buttonsOf(first);
    expect(buttons[0]).toMatchObject({ action_id: "language_choose_fi", text: "suomi" });
    expect(JSON.stringify(first.blocks)).toContain('"style":"primary"');
    expect(textOf(first)).toContain("Which language should Rapport use with you?");

    const after = await click("U0SVEN", first, "language_choose_fi");
    expect(textOf(after)).not.toContain("language_choose");
    expect(buttonsOf(after).some((b) => b.action_id.startsWith("language_"))).toBe(false);
    expect(textOf(after)).toContain("Päiväsi Rapportin kanssa");
    expect(buttonsOf(await home("U0SVEN")).some((b) => b.action_id.startsWith("language_"))).toBe(false);
  });

  it("stops asking when the person keeps the language they get", async () => {
    const first = await home("U0DIET");
    expect(JSON.stringify(first.blocks)).not.toContain('"style":"primary"');
    const after = await click("U0DIET", first, "language_keep");
    expect(buttonsOf(after).some((b) => b.action_id.startsWith("language_"))).toBe(false);
    expect(textOf(after)).toContain("Your day with Rapport");
  });

  it("refuses a forged language value and changes nothing", async () => {
    const responseUrl = app.slack.newResponseUrl();
    await app.driver.blockAction(
      { user: "U0EMMA" },
      { action_id: "language_choose_xx", value: '{"l":"klingon"}' },
      { response_url: responseUrl, view: { type: "home" } },
    );
    expect((await answerTo(app, responseUrl)).text).toBe(
      "That button is out of date; please try again from a fresh message.",
    );
    const member = await app.rapport.database.prisma.member.findFirst({ where: { slackUserId: "U0EMMA" } });
    expect(member?.localeOverride ?? null).toBeNull();
  });

  it("asks nobody whose Slack language Rapport speaks", async () => {
    expect(buttonsOf(await home("U0EMMA")).some((b) => b.action_id.startsWith("language_"))).toBe(false);
  });
});
