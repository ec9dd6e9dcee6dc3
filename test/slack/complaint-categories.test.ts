// A complaint's category in every surface that logs one (the one-line tag, the form, the card,
// the edit form), the suggestion from its words (shown, never filed unasked), and what was really
// behind it, recorded when the complaint is resolved or its escalation decided.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTo, button, buttonsOf, latest, logFormState, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { AGENT, escalationFormState, MGR1, setUpWorkspace } from "../support/workspace-setup.js";

type Json = Record<string, unknown>;
const OTHER_AGENT = { user: "U0AGENT2", channel: "C0SUPPORT" };
const LUCAS = { user: "U0LUCAS", channel: "C0SUPPORT" };

describe("a complaint's category and root cause", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  const log = async (who: { user: string; channel: string }, line: string) =>
    answerTo(app, (await app.driver.command("/rapport", `log ${line}`, who)).responseUrl);
  const categoryId = async (key: string) => (await db().reasonCategory.findFirstOrThrow({ where: { key } })).id;
  const stored = (summary: string) => db().interaction.findFirstOrThrow({ where: { summary } });
  const elementsOf = (message: Json) =>
    ((message.blocks ?? []) as Json[])
      .filter((b) => b.block_id === "interaction_category")
      .flatMap((b) => b.elements as Json[]);
  /** Chooses `c` in a complaint card's category menu, as Slack sends the pick. */
  const pick = async (who: { user: string; channel: string }, card: Json, name: string) => {
    const select = elementsOf(card).find((e) => e.type === "static_select") as Json;
    const option = (select.options as Array<{ text: { text: string }; value: string }>).find(
      (o) => o.text.text === name,
    );
    if (!option) throw new Error(`no ${name} in ${JSON.stringify(select.options)}`);
    const answered = app.slack.callsTo("response_url").length;
    await app.driver.blockAction(who, { type: "static_select", action_id: select.action_id, selected_option: option });
    return answered;
  };
  const open = async (who: { user: string; channel: string }, action: { action_id: string; value: string }) => {
    const opened = app.slack.callsTo("views.open").length;
    await app.driver.blockAction(who, action);
    return (await latest(app, "views.open", opened)).args.view as Json;
  };
  const submit = async (who: { user: string; channel: string }, view: Json, values: Json) => {
    const response = await app.driver.viewSubmission(who, {
      id: `V${Math.random().toString(36).slice(2)}`,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values },
    });
    return response.body ? (JSON.parse(response.body) as Json) : {};
  };
  const select = (block: string, value: string | null) => ({
    [block]: { [`${block}_input`]: { type: "static_select", selected_option: value ? { value } : null } },
  });
  const note = (value: string | null) => ({ root_cause_note: { root_cause_note_input: { value } } });

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: OTHER_AGENT.user, name: "other" });
    app.slack.addUser({ id: LUCAS.user, name: "lucas", locale: "pt-BR" });
    await setUpWorkspace(app, [
      "role <@U0AGENT2|other> agent team Support",
      "role <@U0LUCAS|lucas> agent team Support",
    ]);
  });
  afterAll(() => app.stop());

  it("files a one-line complaint under the category its tag names, and the card says so", async () => {
    const card = await log(AGENT, "Maria Silva complaint phone: parcel arrived damaged #delivery");
    expect((await stored("parcel arrived damaged")).reasonCategoryId).toBe(await categoryId("delivery"));
    expect(textOf(card)).toContain("About: *Delivery*");
    // A Portuguese tag in a Portuguese workspace member's line, with its accent left off.
    const card2 = await log(LUCAS, "Maria Silva reclamação telefone: cobrou duas vezes #cobranca");
    expect((await stored("cobrou duas vezes")).reasonCategoryId).toBe(await categoryId("billing"));
    expect(textOf(card2)).toContain("Assunto: *Cobrança*");
  });

  it("only suggests a category from the words; it is filed when the person picks it", async () => {
    const card = await log(AGENT, "Maria Silva complaint phone: charged twice, the invoice is wrong");
    expect((await stored("charged twice, the invoice is wrong")).reasonCategoryId).toBeNull();
    expect(textOf(card)).toContain("the words suggest *Billing*");
    const suggested = button(card, "interaction_file_suggested");
    expect(buttonsOf(card).find((b) => b.action_id === "interaction_file_suggested")?.text).toBe("File under Billing");
    // Somebody else (an agent who did not log it) may not file it.
    await app.driver.blockAction(OTHER_AGENT, suggested);
    await app.slack.waitFor(
      "response_url",
      (a) => a.replace_original === false && /Only its author or a manager/.test(textOf(a)),
    );
    expect((await stored("charged twice, the invoice is wrong")).reasonCategoryId).toBeNull();
    const answered = app.slack.callsTo("response_url").length;
    await app.driver.blockAction(AGENT, suggested);
    const updated = await latest(app, "response_url", answered);
    expect((await stored("charged twice, the invoice is wrong")).reasonCategoryId).toBe(await categoryId("billing"));
    expect(textOf(updated.args)).toContain("About: *Billing*");
    // Corrected from the card's menu.
    const card2 = app.slack.callsTo("response_url").at(-1)?.args as Json;
    await pick(AGENT, card2, "Staff conduct");
    await expect
      .poll(async () => (await stored("charged twice, the invoice is wrong")).reasonCategoryId)
      .toBe(await categoryId("staff_conduct"));
    // A forged pick: another workspace's category changes nothing.
    const other = await db().workspace.create({ data: { slackTeamId: "T0ELSE" } });
    const theirs = await db().reasonCategory.create({ data: { workspaceId: other.id, name: "Theirs" } });
    const interaction = await stored("charged twice, the invoice is wrong");
    await app.driver.blockAction(AGENT, {
      type: "static_select",
      action_id: "interaction_file_under",
      selected_option: { value: JSON.stringify({ i: interaction.id, c: theirs.id }) },
    });
    await app.slack.waitFor("response_url", (a) => a.replace_original === false && /no longer offered/.test(textOf(a)));
    expect((await stored("charged twice, the invoice is wrong")).reasonCategoryId).toBe(
      await categoryId("staff_conduct"),
    );
  });

  it("asks in the log form, refuses a category on another kind, and corrects it in the edit form", async () => {
    const opened = app.slack.callsTo("views.open").length;
    await app.driver.command("/rapport", "log", AGENT);
    const form = (await latest(app, "views.open", opened)).args.view as Json;
    const block = (form.blocks as Json[]).find((b) => b.block_id === "reason_category") as Json;
    expect(block.optional).toBe(true);
    const names = ((block.element as Json).options as Array<{ text: { text: string } }>).map((o) => o.text.text);
    expect(names).toEqual(["Delivery", "Billing", "Product quality", "Staff conduct", "Waiting time", "Other"]);
    const customer = (await db().customer.findFirstOrThrow({ where: { name: "Maria Silva" } })).id;
    const base = logFormState({ customer: `id:${customer}`, kind: "question", summary: "when do you open?" });
    const refused = await submit(AGENT, form, {
      ...(base.values as Json),
      ...select("reason_category", await categoryId("waiting_time")),
    });
    expect(refused).toMatchObject({
      response_action: "errors",
      errors: { reason_category: expect.stringMatching(/Only a complaint/) },
    });
    expect(await db().interaction.count({ where: { summary: "when do you open?" } })).toBe(0);
    const complaint = logFormState({ customer: `id:${customer}`, kind: "complaint", summary: "forty minutes on hold" });
    expect(
      await submit(AGENT, form, {
        ...(complaint.values as Json),
        ...select("reason_category", await categoryId("waiting_time")),
      }),
    ).toEqual({});
    const logged = await stored("forty minutes on hold");
    expect(logged.reasonCategoryId).toBe(await categoryId("waiting_time"));
    // The edit form shows it chosen, and changes it.
    const edit = await open(AGENT, { action_id: "interaction_edit", value: JSON.stringify({ i: logged.id }) });
    const editBlock = (edit.blocks as Json[]).find((b) => b.block_id === "reason_category") as Json;
    expect(((editBlock.element as Json).initial_option as Json).value).toBe(await categoryId("waiting_time"));
    expect(
      await submit(AGENT, edit, {
        ...(complaint.values as Json),
        ...select("reason_category", await categoryId("staff_conduct")),
      }),
    ).toEqual({});
    await expect
      .poll(async () => (await stored("forty minutes on hold")).reasonCategoryId)
      .toBe(await categoryId("staff_conduct"));
  });

  it("suggests in the form opened on a message, shown as a hint with nothing chosen", async () => {
    const opened = app.slack.callsTo("views.open").length;
    await app.driver.messageShortcut(AGENT, "log_message_as_interaction", {
      type: "message",
      ts: "1800000000.000100",
      user: "U0CUSTOMER",
      text: "Esperei duas horas na fila e ninguém atendeu",
    });
    const form = (await latest(app, "views.open", opened)).args.view as Json;
    const block = (form.blocks as Json[]).find((b) => b.block_id === "reason_category") as Json;
    expect((block.hint as Json).text).toContain("Waiting time");
    expect((block.element as Json).initial_option).toBeUndefined();
  });

  it("resolves a complaint with what was really behind it, and plans its satisfaction check", async () => {
    const card = await log(AGENT, "Acme complaint phone: box arrived empty #delivery");
    const complaint = await stored("box arrived empty");
    const form = await open(AGENT, button(card, "interaction_resolve"));
    expect(form.callback_id).toBe("root_cause_form");
    expect(textOf(form)).toContain("filed under *Delivery*");
    const initial = (((form.blocks as Json[]).find((b) => b.block_id === "root_cause") as Json).element as Json)
      .initial_option as Json;
    expect(initial.value).toBe(await categoryId("delivery"));
    // Somebody who may not change it is refused beside the field, nothing changed.
    const refused = await submit(OTHER_AGENT, form, {
      ...select("root_cause", await categoryId("product_quality")),
      ...note(null),
    });
    expect(refused.response_action).toBe("errors");
    expect((await stored("box arrived empty")).outcome).toBe("pending");
    const answer = await submit(AGENT, form, {
      ...select("root_cause", await categoryId("product_quality")),
      ...note("packing line skipped the item <!channel>"),
    });
    expect(answer).toEqual({});
    const after = await stored("box arrived empty");
    expect(after).toMatchObject({
      outcome: "resolved",
      reasonCategoryId: await categoryId("delivery"),
      rootCauseCategoryId: await categoryId("product_quality"),
      rootCauseNote: "packing line skipped the item <!channel>",
    });
    expect(await db().followUp.count({ where: { interactionId: complaint.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "interaction.resolved", entityId: complaint.id } })).toBe(1);
    const told = await app.slack.waitFor("chat.postEphemeral", (a) => /marked resolved/.test(textOf(a)));
    expect(textOf(told.args)).toContain("Acme");
  });

  it("records the root cause with an approval, and after a resolution from the decided card; refused before", async () => {
    const card = await log(AGENT, "Globex complaint phone: charged for a cancelled order #billing");
    const complaint = await stored("charged for a cancelled order");
    const escalateView = await open(AGENT, button(card, "interaction_escalate"));
    const initial = (
      ((escalateView.blocks as Json[]).find((b) => b.block_id === "reason_category") as Json).element as Json
    ).initial_option as Json;
    expect(initial.value).toBe(await categoryId("billing"));
    const state = escalationFormState("refund") as { values: Json };
    expect(
      await submit(AGENT, escalateView, { ...state.values, ...select("reason_category", initial.value as string) }),
    ).toEqual({});
    const escalation = await db().escalation.findFirstOrThrow({ where: { interactionId: complaint.id } });
    // Before any decision, the root cause is refused.
    const early = await submit(
      MGR1,
      { callback_id: "root_cause_form", private_metadata: JSON.stringify({ i: complaint.id, e: escalation.id }) },
      { ...select("root_cause", await categoryId("billing")), ...note("x") },
    );
    expect(early).toMatchObject({ response_action: "errors" });
    expect((await stored("charged for a cancelled order")).rootCauseAt).toBeNull();
    // Approved with a root cause beside the note.
    const approve = await open(MGR1, { action_id: "escalation_approve", value: JSON.stringify({ e: escalation.id }) });
    expect((approve.blocks as Json[]).map((b) => b.block_id)).toEqual([
      "decision_note",
      "root_cause",
      "root_cause_note",
    ]);
    expect(
      await submit(MGR1, approve, {
        decision_note: { decision_note_input: { value: "refunded" } },
        ...select("root_cause", await categoryId("other")),
        ...note("the cancellation never reached billing"),
      }),
    ).toEqual({});
    await expect
      .poll(async () => (await stored("charged for a cancelled order")).rootCauseCategoryId)
      .toBe(await categoryId("other"));
    expect((await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).status).toBe("approved");
    // Resolved from the card, then the root cause corrected from the decided card.
    await app.driver.blockAction(MGR1, {
      action_id: "escalation_resolve",
      value: JSON.stringify({ e: escalation.id }),
    });
    await expect
      .poll(async () => (await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).status)
      .toBe("resolved");
    const decided = await app.slack.waitFor("chat.update", (a) => textOf(a).includes("escalation_root_cause"));
    const form = await open(MGR1, button(decided.args, "escalation_root_cause"));
    expect(await submit(MGR1, form, { ...select("root_cause", await categoryId("billing")), ...note(null) })).toEqual(
      {},
    );
    const after = await stored("charged for a cancelled order");
    expect(after).toMatchObject({ rootCauseCategoryId: await categoryId("billing"), rootCauseNote: null });
    // An agent may not record it; an empty form is refused.
    const agentTry = await submit(AGENT, form, {
      ...select("root_cause", await categoryId("delivery")),
      ...note(null),
    });
    expect(agentTry.response_action).toBe("errors");
    expect(await submit(MGR1, form, { ...select("root_cause", null), ...note(null) })).toMatchObject({
      errors: { root_cause: "Choose what was behind it, or write what you found." },
    });
    expect((await stored("charged for a cancelled order")).rootCauseCategoryId).toBe(await categoryId("billing"));
  });

  it("records the root cause with a rejection too, and refuses a category no longer offered beside it", async () => {
    const card = await log(AGENT, "Initech complaint phone: wants a refund for a used item #billing");
    const complaint = await stored("wants a refund for a used item");
    const view = await open(AGENT, button(card, "interaction_escalate"));
    const state = escalationFormState("refund") as { values: Json };
    expect(
      await submit(AGENT, view, { ...state.values, ...select("reason_category", await categoryId("billing")) }),
    ).toEqual({});
    const escalation = await db().escalation.findFirstOrThrow({ where: { interactionId: complaint.id } });
    const reject = await open(MGR1, { action_id: "escalation_reject", value: JSON.stringify({ e: escalation.id }) });
    // A category retired meanwhile: refused beside the field, nothing decided.
    const other = await db().workspace.findFirstOrThrow({ where: { slackTeamId: "T0ELSE" } });
    const theirs = await db().reasonCategory.findFirstOrThrow({ where: { workspaceId: other.id } });
    expect(
      await submit(MGR1, reject, {
        decision_note: { decision_note_input: { value: "policy" } },
        ...select("root_cause", theirs.id),
        ...note(null),
      }),
    ).toMatchObject({
      response_action: "errors",
      errors: { root_cause: expect.stringContaining("no longer offered") },
    });
    expect((await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).status).toBe("open");
    expect(
      await submit(MGR1, reject, {
        decision_note: { decision_note_input: { value: "policy" } },
        ...select("root_cause", await categoryId("product_quality")),
        ...note("the item was used before it was returned"),
      }),
    ).toEqual({});
    expect((await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).status).toBe("rejected");
    expect(await stored("wants a refund for a used item")).toMatchObject({
      reasonCategoryId: await categoryId("billing"),
      rootCauseCategoryId: await categoryId("product_quality"),
      rootCauseNote: "the item was used before it was returned",
    });
  });
});
