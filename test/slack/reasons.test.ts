// Complaint reason categories: seeded defaults named in each reader's language, kept by admins
// (add, rename, retire; refused to others), asked for when a complaint is escalated, and counted by
// category in the digest.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTo, button, latest, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import {
  ADMIN,
  AGENT,
  DIRECTOR,
  escalationFormState,
  reasonCategoryIn,
  setUpWorkspace,
} from "../support/workspace-setup.js";

type Json = Record<string, unknown>;
const DIR = { user: DIRECTOR, channel: "C0DIRS" };
const FINN = { user: "U0FINN", channel: "C0SUPPORT" };

describe("complaint reason categories", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  const say = async (who: { user: string; channel: string }, text: string) =>
    answerTo(app, (await app.driver.command("/rapport", text, who)).responseUrl);
  /** Logs `line` and opens its Escalate form. */
  const escalateForm = async (line: string) => {
    const card = await say(AGENT, `log ${line}`);
    const escalate = button(card, "interaction_escalate");
    const opened = app.slack.callsTo("views.open").length;
    await app.driver.blockAction(AGENT, { action_id: escalate.action_id, value: escalate.value });
    return (await latest(app, "views.open", opened)).args.view as Json;
  };
  const optionsOf = (view: Json) =>
    (
      ((view.blocks as Json[]).find((b) => b.block_id === "reason_category")?.element as Json | undefined)?.options as
        | Array<{ text: { text: string }; value: string }>
        | undefined
    )?.map((o) => o.text.text);
  const submit = async (view: Json, state: Json) => {
    const response = await app.driver.viewSubmission(AGENT, {
      id: `V${Math.random().toString(36).slice(2)}`,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state,
    });
    const body = String(response.body ?? "");
    return body ? (JSON.parse(body) as Json) : {};
  };

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: FINN.user, name: "finn", locale: "fi-FI" });
    await setUpWorkspace(app, ["role <@U0FINN|finn> agent team Support"]);
  });
  afterAll(() => app.stop());

  it("starts with the defaults, named in each reader's language", async () => {
    const english = textOf(await say(AGENT, "reasons"));
    for (const name of ["Delivery", "Billing", "Product quality", "Staff conduct", "Waiting time", "Other"])
      expect(english).toContain(name);
    const finnish = textOf(await say(FINN, "reasons"));
    for (const name of ["Toimitus", "Laskutus", "Tuotteen laatu", "Odotusaika"]) expect(finnish).toContain(name);
    expect(await db().reasonCategory.count()).toBe(6);
  });

  it("is kept by admins only: add, rename (by a name in any language), retire; bad names refused", async () => {
    expect((await say(AGENT, "reasons add Warranty")).text).toBe("Only admins keep the list of complaint categories.");
    expect((await say(ADMIN, "reasons add Warranty")).text).toBe("Added: Warranty.");
    expect((await say(ADMIN, "reasons add warranty")).text).toBe("There is a category called warranty already.");
    expect((await say(ADMIN, "reasons add Laskutus")).text).toBe("There is a category called Laskutus already.");
    expect(String((await say(ADMIN, "reasons add <!channel>")).text)).toContain("A category's name");
    expect((await say(ADMIN, "reasons rename Entrega to Shipping")).text).toContain("Shipping");
    expect((await say(ADMIN, "reasons rename Nonsense to X")).text).toContain("No category called Nonsense");
    expect((await say(ADMIN, "reasons retire Waiting time")).text).toContain("no longer offered");
    const list = textOf(await say(AGENT, "reasons"));
    expect(list).toContain("Shipping");
    expect(list).not.toContain("Delivery");
    expect(list.indexOf("Waiting time")).toBeGreaterThan(list.indexOf("No longer offered"));
    expect(await db().auditEvent.count({ where: { action: { startsWith: "reason." } } })).toBe(3);
  });

  it("asks what a complaint is about when it is escalated, offering only the categories in use", async () => {
    const view = await escalateForm("Acme complaint phone: charged twice");
    const offered = optionsOf(view);
    expect(offered).toEqual(["Shipping", "Billing", "Product quality", "Staff conduct", "Other", "Warranty"]);
    // Not chosen: the form says so, nothing is stored.
    const before = await db().escalation.count();
    expect(await submit(view, escalationFormState("refund"))).toEqual({
      response_action: "errors",
      errors: { reason_category: "Choose what the complaint is about." },
    });
    expect(await db().escalation.count()).toBe(before);
    // Billing chosen: the complaint is filed under it.
    const billing = (await db().reasonCategory.findFirstOrThrow({ where: { key: "billing" } })).id;
    const state = escalationFormState("refund");
    (state.values as Json).reason_category = { reason_category_input: { selected_option: { value: billing } } };
    expect(await submit(view, state)).toEqual({});
    const complaint = await db().interaction.findFirstOrThrow({ where: { summary: "charged twice" } });
    expect(complaint.reasonCategoryId).toBe(billing);
    // Another workspace's category, or a retired one, is refused.
    const other = await db().workspace.create({ data: { slackTeamId: "T0OTHER" } });
    const foreign = await db().reasonCategory.create({ data: { workspaceId: other.id, name: "Theirs" } });
    const again = await escalateForm("Globex complaint phone: late again");
    for (const id of [
      foreign.id,
      (await db().reasonCategory.findFirstOrThrow({ where: { key: "waiting_time" } })).id,
    ]) {
      const forged = escalationFormState("refund");
      (forged.values as Json).reason_category = { reason_category_input: { selected_option: { value: id } } };
      const answer = await submit(again, forged);
      expect(answer.response_action).toBe("errors");
    }
    expect((await db().interaction.findFirstOrThrow({ where: { summary: "late again" } })).reasonCategoryId).toBeNull();
    // A question's escalation does not ask.
    expect(optionsOf(await escalateForm("Initech question phone: where is my order"))).toBeUndefined();
    expect(
      await submit(again, { values: { ...escalationFormState("refund").values, ...reasonCategoryIn(again) } }),
    ).toEqual({});
  });

  it("counts complaints by category in the digest, beside the week before", async () => {
    const shipping = (await db().reasonCategory.findFirstOrThrow({ where: { key: "delivery" } })).id;
    const complaints = await db().interaction.findMany({ where: { kind: "complaint" } });
    await db().interaction.updateMany({
      where: { id: { in: complaints.map((c) => c.id) } },
      data: { reasonCategoryId: shipping },
    });
    const path = new URL((await app.driver.command("/rapport", "digest week", DIR)).responseUrl).pathname;
    await app.slack.waitFor("response_url", (args) => args.url === path && !/⏳/.test(textOf(args)));
    const digest = textOf(
      app.slack
        .callsTo("response_url")
        .filter((c) => c.args.url === path)
        .at(-1)?.args ?? {},
    );
    expect(digest).toContain("By category: Shipping *");
    expect(digest).toContain(`Shipping *${complaints.length}*`);
    expect(digest).not.toContain("Billing *");
  });
});
