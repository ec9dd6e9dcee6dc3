import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGS } from "../../src/i18n/i18n.js";
import { matchLocale } from "../../src/i18n/locales.js";
import { answerTo, button, latest, readableTexts, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { MGR1, reasonCategoryIn, setUpWorkspace } from "../support/workspace-setup.js";

type Json = Record<string, unknown>;

// One complete flow — log, escalate, approve in the thread, the satisfaction
// follow-up — as a person whose Slack speaks Portuguese, and as one whose Slack
// speaks Hindi. Their own messages come in their language; the managers'
// channel keeps the workspace's (English here).
const FLOWS = [
  {
    locale: "pt-BR",
    user: "U0AGENTPT",
    // As Portuguese writes 1,234.5.
    amount: "1.234,50",
    log: "Maria Silva reclamação telefone: a encomenda chegou danificada",
    card: ["Registrado:", "Reclamação por Telefone com *Maria Silva*", "Escalar", "Acompanhar"],
    form: "Escalar para um gerente",
    posted: "Seu escalonamento de *Maria Silva* está com os gerentes",
    approved: "aprovou o escalonamento de Maria Silva",
    customerCard: ["Acompanhamento", "Reclamação"],
    followUpDm: "É hora de acompanhar *Maria Silva*",
    settled: "Feito.",
  },
  {
    locale: "hi-IN",
    user: "U0AGENTHI",
    amount: "1,234.50",
    log: "Maria Silva शिकायत फोन: पार्सल टूटा हुआ पहुँचा",
    card: ["दर्ज किया गया:", "शिकायत · फ़ोन · *Maria Silva*", "एस्केलेट करें", "फ़ॉलो-अप जोड़ें"],
    form: "प्रबंधक को एस्केलेट करें",
    posted: "*Maria Silva* के लिए आपका एस्केलेशन",
    approved: "ने Maria Silva का एस्केलेशन स्वीकार किया",
    customerCard: ["फ़ॉलो-अप", "शिकायत"],
    followUpDm: "*Maria Silva* से फ़ॉलो-अप का समय",
    settled: "हो गया।",
  },
];

const wordsOf = (value: unknown): string[] =>
  typeof value === "string"
    ? (value.replace(/\{\{\w+\}\}|`[^`]*`|<[^>]*>/g, " ").match(/[A-Za-z]{4,}/g) ?? [])
    : Object.values(value as Record<string, unknown>).flatMap(wordsOf);
// What the person typed comes back to them as they typed it.
const TYPED = new Set(["maria", "silva", "refund"]);

/** English catalog words in what the person was shown (commands, mentions and dates aside). */
function englishIn(locale: string, shown: string[]): string[] {
  const own = new Set(wordsOf(CATALOGS[matchLocale(locale) ?? "en"]).map((w) => w.toLowerCase()));
  const english = new Set(wordsOf(CATALOGS.en).map((w) => w.toLowerCase()));
  const found = shown.flatMap(wordsOf).map((w) => w.toLowerCase());
  return [...new Set(found.filter((w) => english.has(w) && !own.has(w) && !TYPED.has(w)))];
}

describe.each(FLOWS)("the whole flow for a $locale user", (flow) => {
  let app: TestApp;
  const agent = () => ({ user: flow.user, channel: "C0SUPPORT" });

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: flow.user, name: "localized", locale: flow.locale, tz: "Asia/Kolkata" });
    await setUpWorkspace(app, [`role <@${flow.user}|localized> agent team Support`]);
  });
  afterAll(() => app.stop());

  it("logs, escalates, is approved, gets the satisfaction follow-up by DM and completes it, each message in the right language", async () => {
    const from = app.slack.calls.length;
    const card = await answerTo(app, (await app.driver.command("/rapport", `log ${flow.log}`, agent())).responseUrl);
    for (const text of flow.card) expect(textOf(card)).toContain(text);

    const escalate = button(card, "interaction_escalate");
    const opened = app.slack.callsTo("views.open").length;
    await app.driver.blockAction(agent(), { action_id: escalate.action_id, value: escalate.value });
    const form = (await latest(app, "views.open", opened)).args.view as Json;
    expect(form.title).toMatchObject({ text: flow.form });
    const state = {
      values: {
        ...reasonCategoryIn(form),
        reason: { reason_input: { value: "refund" } },
        severity: { severity_input: { selected_option: { value: "high" } } },
        requested_action: { requested_action_input: { selected_option: { value: "refund" } } },
        amount: { amount_input: { value: flow.amount } },
        escalation_note: { escalation_note_input: { value: null } },
      },
    };
    await app.driver.viewSubmission(agent(), {
      id: `V${flow.user}`,
      callback_id: form.callback_id,
      private_metadata: form.private_metadata,
      state,
    });

    const channelCard = await app.slack.waitFor("chat.postMessage", (a) => a.channel === "C0MGRS" && !a.thread_ts);
    expect(textOf(channelCard.args)).toContain("High escalation: Maria Silva");
    expect(textOf(channelCard.args)).toContain("Refund (1,234.50)");
    await app.slack.waitFor("chat.postMessage", (a) => a.channel === flow.user && textOf(a).includes(flow.posted));

    const ts = String(channelCard.result?.ts);
    await app.driver.event({
      type: "message",
      channel: "C0MGRS",
      user: MGR1.user,
      text: "aprovado reembolso ok",
      ts: "1800000009.000001",
      thread_ts: ts,
    });
    await app.slack.waitFor("chat.postMessage", (a) => a.channel === flow.user && textOf(a).includes(flow.approved));
    const followUps = await app.rapport.database.prisma.followUp.findMany({ include: { assignee: true } });
    expect(followUps).toHaveLength(1);
    expect(followUps[0]?.assignee.slackUserId).toBe(flow.user);

    const customer = await answerTo(
      app,
      (await app.driver.command("/rapport", "customer Maria Silva", agent())).responseUrl,
    );
    for (const text of flow.customerCard) expect(textOf(customer)).toContain(text);

    // Three days later, in the agent's working hours (open around the clock here): the follow-up DM, in their language.
    app.clock.advance(3 * 24 * 3_600_000 + 60_000);
    await app.rapport.scheduler.runNow("follow-ups", app.clock.now());
    const dm = await app.slack.waitFor(
      "chat.postMessage",
      (a) => a.channel === flow.user && textOf(a).includes(flow.followUpDm),
    );
    const done = button(dm.args, "follow_up_done");
    const before = app.slack.callsTo("views.open").length;
    await app.driver.blockAction(agent(), { action_id: done.action_id, value: done.value });
    const doneForm = (await latest(app, "views.open", before)).args.view as Json;
    const outcome = {
      values: {
        follow_up_outcome: { follow_up_outcome_input: { selected_option: { value: "satisfied" } } },
        follow_up_outcome_note: { follow_up_outcome_note_input: { value: "ok" } },
      },
    };
    const finished = await app.driver.viewSubmission(agent(), {
      id: `VDONE${flow.user}`,
      callback_id: doneForm.callback_id,
      private_metadata: doneForm.private_metadata,
      state: outcome,
    });
    expect(finished.body).toBe("");
    await app.slack.waitFor("chat.update", (a) => a.channel === dm.result?.channel && textOf(a).includes(flow.settled));
    expect((await app.rapport.database.prisma.followUp.findFirstOrThrow()).status).toBe("done");

    // Everything this person was shown (answers, DMs, forms) is in their language: no English word
    // from the catalog, no stored English enum value.
    const mine = app.slack.calls
      .slice(from)
      .filter(
        (c) =>
          c.method === "response_url" ||
          c.method.startsWith("views.") ||
          ((c.method === "chat.postMessage" || c.method === "chat.update") && c.args.channel === flow.user),
      );
    const shown = mine.map((c) => JSON.stringify(c.args.view ?? { text: c.args.text, blocks: c.args.blocks }));
    expect(shown.length).toBeGreaterThan(8);
    expect(
      englishIn(
        flow.locale,
        shown.map((json) => readableTexts(JSON.parse(json)).join("\n")),
      ),
    ).toEqual([]);
  });
});
