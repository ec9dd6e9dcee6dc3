import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTo } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const FINNISH_HELP = "Rapport: asiakassuhteet Slackissa";
const LATVIAN_ADMIN_ONLY =
  "To var darīt tikai Rapport administratori. Vērsieties pie administratora vai norādiet sevi ADMIN_SLACK_USER_IDS.";

describe("which language Rapport answers in", () => {
  let app: TestApp;
  const ask = async (user: string, text: string) =>
    answerTo(app, (await app.driver.command("/rapport", text, { user })).responseUrl);

  beforeAll(async () => {
    app = await startTestApp({ env: { DEFAULT_LOCALE: "pt" } });
    app.slack.addUser({ id: "U0LV", name: "liga", locale: "lv-LV" });
    app.slack.addUser({ id: "U0DE", name: "dieter", locale: "de-DE" });
    app.slack.addUser({ id: "U0EN", name: "emma", locale: "en-US" });
  });
  afterAll(() => app.stop());

  it("follows the person's Slack language when Rapport speaks it", async () => {
    expect((await ask("U0LV", "help")).text).toBe("Rapport: klientu attiecības Slack");
  });

  it("falls back to the workspace's default for a language it does not speak", async () => {
    expect((await ask("U0DE", "help")).text).toBe("Rapport: relacionamento com o cliente no Slack");
  });

  it("lets a person choose another language, and go back to Slack's", async () => {
    expect((await ask("U0EN", "help")).text).toBe("Rapport: customer relations in Slack");
    expect((await ask("U0EN", "language ta")).text).toBe("இனி உங்களுக்குத் தமிழில் பதிலளிப்பேன்.");
    expect((await ask("U0EN", "help")).text).toBe("Rapport: Slack-இல் வாடிக்கையாளர் உறவுகள்");
    expect((await ask("U0EN", "language klingon")).text).toBe(
      "பயன்பாடு: `/rapport language en|pt|pt-PT|fi|lv|hi|ta`, அல்லது Slack மொழிக்கு `auto`.",
    );
    expect((await ask("U0EN", "language auto")).text).toBe("From now on I answer you in your Slack language.");
    expect((await ask("U0EN", "help")).text).toBe("Rapport: customer relations in Slack");
  });

  it("uses the language's plural forms (Latvian: 1, 11 and 21 complaints differ)", async () => {
    const counts: string[] = [];
    for (const n of [1, 11, 21]) {
      await app.rapport.database.prisma.interaction.deleteMany();
      for (let i = 0; i < n; i++) await ask("U0LV", `log Rīgas Ūdens sūdzība: ${i}`);
      const card = await ask("U0LV", "log Rīgas Ūdens jautājums: vēl viens");
      counts.push(/\d+ sūdzīb\S+/.exec(JSON.stringify(card.blocks))?.[0] ?? "");
    }
    expect(counts).toEqual(["1 sūdzība", "11 sūdzību", "21 sūdzība"]);
  });

  it("lets an admin set the workspace's language, for people whose Slack language it does not speak", async () => {
    // Emma is the first to administer this workspace, so she may.
    expect((await ask("U0EN", "language workspace fi")).text).toBe(
      "From now on Rapport writes in suomi in shared channels, and to people whose Slack language it does not speak. Everyone can still choose their own with `/rapport language`.",
    );
    expect((await ask("U0DE", "help")).text).toBe(FINNISH_HELP);
    expect((await ask("U0LV", "help")).text).toBe("Rapport: klientu attiecības Slack");
    expect((await ask("U0EN", "help")).text).toBe("Rapport: customer relations in Slack");
    // Liga is no admin: refused, in her language; nothing changes.
    expect((await ask("U0LV", "language workspace pt")).text).toBe(LATVIAN_ADMIN_ONLY);
    expect((await ask("U0DE", "help")).text).toBe(FINNISH_HELP);
    expect((await ask("U0EN", "language workspace klingon")).text).toContain(
      "`/rapport language workspace en|pt|pt-PT",
    );
  });
});
