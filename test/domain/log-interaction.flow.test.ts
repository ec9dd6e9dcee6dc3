import { describe, expect, it } from "vitest";
import type { CustomerMatch } from "../../src/domain/customers/customer.types.js";
import type { DraftRepository } from "../../src/domain/drafts/draft.repository.js";
import type { Draft } from "../../src/domain/drafts/draft.types.js";
import { DomainError } from "../../src/domain/errors.js";
import type { LoggedInteraction } from "../../src/domain/interactions/interaction.service.js";
import type { Interaction, LogInteraction } from "../../src/domain/interactions/interaction.types.js";
import { createLogFlow, type LogFlowDeps } from "../../src/domain/interactions/log-interaction.flow.js";
import type { ReasonCategory } from "../../src/domain/reasons/reason.types.js";
import { categoryFromTags } from "../../src/domain/reasons/reason-match.js";
import { customerNamed } from "../support/domain-fixtures.js";

const NOW = new Date("2026-12-02T10:00:00Z");
const who = { workspaceId: "w1", memberId: "m1", role: "agent" as const };
const customer = customerNamed;
const CATEGORIES: ReasonCategory[] = [
  { id: "r-delivery", key: "delivery", name: null, retired: false },
  { id: "r-billing", key: "billing", name: null, retired: false },
  { id: "r-quality", key: "product_quality", name: null, retired: false },
  { id: "r-warranty", key: null, name: "Warranty", retired: true },
];
const NAMES: Record<string, string[]> = {
  delivery: ["Delivery", "Entrega"],
  billing: ["Billing", "Faturação"],
  product_quality: ["Product quality", "Qualidade do produto"],
};
const namesOf = (c: ReasonCategory) => (c.name ? [c.name] : (NAMES[c.key ?? ""] ?? []));

/** The flow with fakes of what it calls; every call is kept to look at. */
function flowWith(matches: Record<string, CustomerMatch> = {}, options: { created?: boolean } = {}) {
  const logged: LogInteraction[] = [];
  const edits: Array<{ id: string; changes: unknown }> = [];
  const created: string[] = [];
  const drafts = new Map<string, Draft>();
  const marked: Array<[string, string]> = [];
  const draftRepository: DraftRepository = {
    async create(_w, memberId, data) {
      const draft = { id: `d${drafts.size + 1}`, memberId, data, interactionId: null };
      drafts.set(draft.id, draft);
      return draft;
    },
    get: async (_w, id) => drafts.get(id) ?? null,
    async markLogged(_w, id, interactionId) {
      marked.push([id, interactionId]);
    },
  };
  const answer = (input: { customer: LogInteraction["customer"] }, id = "i1"): LoggedInteraction => ({
    interaction: { id, customerId: "id" in input.customer ? input.customer.id : "c-new" } as Interaction,
    context: { recentComplaints: 0, openEscalations: 0, followUpsDue: 0, nextFollowUpAt: null },
    created: options.created ?? true,
  });
  const deps: LogFlowDeps = {
    match: async (_w, reference) => matches[reference] ?? { status: "new", customer: { name: reference } },
    async log(input) {
      logged.push(input);
      return answer(input);
    },
    async edit(_w, id, _actor, changes) {
      edits.push({ id, changes });
      return { ...answer({ customer: { id: String(changes.customerId) } }, id), created: false };
    },
    async createCustomer(_w, c) {
      created.push(c.name);
      return { id: `c-${c.name}` };
    },
    get: async (_w, id) => ({ id, reasonCategoryId: id === "i-retired" ? "r-warranty" : null }) as Interaction,
    reasons: {
      fromTags: async (_w, summary) =>
        categoryFromTags(
          summary,
          CATEGORIES.filter((c) => !c.retired),
          namesOf,
        ),
      async check(_w, id, current = null) {
        if (id === null || id === current) return id;
        if (!CATEGORIES.some((c) => c.id === id && !c.retired)) throw new DomainError("reasonNotOffered");
        return id;
      },
    },
    drafts: draftRepository,
    now: () => NOW,
  };
  return { flow: createLogFlow(deps), logged, edits, created, drafts, marked };
}

describe("the logging flow", () => {
  describe("from the one-line command", () => {
    const command = (text: string) =>
      ({ surface: "command", text, replyChannelId: "C1", requestKey: "command:t1" }) as const;

    it("logs a new customer's complaint as pending, a question as resolved, with the request's key", async () => {
      const { flow, logged } = flowWith();
      const outcome = await flow.log(who, command("Maria Silva complaint phone: parcel damaged"));
      await flow.log(who, command("Maria Silva: open on Sundays?"));
      expect(outcome.status).toBe("logged");
      expect(logged[0]).toMatchObject({
        workspaceId: "w1",
        authorId: "m1",
        customer: { create: { name: "Maria Silva" } },
        kind: "complaint",
        channel: "phone",
        summary: "parcel damaged",
        outcome: "pending",
        occurredAt: NOW,
        requestKey: "command:t1",
      });
      expect(logged[1]).toMatchObject({ kind: "question", outcome: "resolved" });
    });

    it("logs for the one customer found by name", async () => {
      const { flow, logged } = flowWith({ Acme: { status: "found", customer: customer("Acme", "c-acme") } });
      await flow.log(who, command("Acme order: two chairs"));
      expect(logged[0]?.customer).toEqual({ id: "c-acme" });
    });

    it("keeps what was typed in a draft and says what is wrong when the line does not parse", async () => {
      const { flow, logged, drafts } = flowWith();
      const outcome = await flow.log(who, command("Maria Silva complaint phone parcel damaged"));
      expect(outcome).toMatchObject({ status: "draft", problem: { code: "missingSeparator" } });
      expect(logged).toEqual([]);
      const [draft] = drafts.values();
      expect(draft?.data.replyChannelId).toBe("C1");
      expect(JSON.stringify(draft?.data)).toContain("Maria Silva");
    });

    it("asks which customer when several match, and offers to create one when names are only close", async () => {
      const two = [customer("Acme", "c1"), customer("Acme", "c2")];
      const { flow, logged, drafts } = flowWith({
        Acme: { status: "ambiguous", candidates: two },
        "Jon Smith": { status: "close", candidates: [customer("John Smith")], typed: { name: "Jon Smith" } },
      });
      expect(await flow.log(who, command("Acme: hello"))).toMatchObject({
        status: "chooseCustomer",
        typed: "Acme",
        allowCreate: false,
        candidates: two,
      });
      expect(await flow.log(who, command("Jon Smith: hello"))).toMatchObject({ allowCreate: true });
      expect(logged).toEqual([]);
      expect([...drafts.values()].map((d) => d.data.summary)).toEqual(["hello", "hello"]);
    });
  });

  describe("from a DM", () => {
    it("never logs unseen: a draft, that can be logged in one click when its customer is known", async () => {
      const { flow, logged } = flowWith({
        "ana@example.com": { status: "found", customer: customer("Ana Lima", "c-ana") },
      });
      const known = await flow.log(who, { surface: "dm", text: "ana@example.com asked about her refund" });
      expect(known).toMatchObject({ status: "draft", draft: { customer: "Ana Lima", canLog: true, channel: "chat" } });
      const unknown = await flow.log(who, { surface: "dm", text: "someone asked about opening hours" });
      expect(unknown).toMatchObject({ status: "draft", draft: { customer: null, canLog: false } });
      expect(logged).toEqual([]);
    });
  });

  describe("from an intake post", () => {
    const source = { channelId: "C-INTAKE", messageTs: "1.2", authorSlackId: "U1" };

    it("logs it as pending with its source and key when the customer is found or new", async () => {
      const { flow, logged } = flowWith();
      const outcome = await flow.log(who, {
        surface: "intake",
        text: "From: Ana Lima <ana@example.com>\nMy parcel arrived broken",
        source,
        requestKey: "intake:C-INTAKE:1.2",
      });
      expect(outcome.status).toBe("logged");
      expect(logged[0]).toMatchObject({
        kind: "complaint",
        channel: "email",
        outcome: "pending",
        source,
        requestKey: "intake:C-INTAKE:1.2",
        customer: { create: { name: "Ana Lima", email: "ana@example.com" } },
      });
    });

    it("keeps a draft, answered in the post's channel, when nobody can be told apart", async () => {
      const { flow, logged } = flowWith();
      const outcome = await flow.log(who, { surface: "intake", text: "the website is slow", source, requestKey: "k" });
      expect(outcome).toMatchObject({ status: "draft", draft: { canLog: false, customer: null } });
      expect(logged).toEqual([]);
    });
  });

  describe("from a draft", () => {
    it("logs for the customer picked, keyed by the draft, and marks the draft logged", async () => {
      const { flow, logged, marked } = flowWith({ Acme: { status: "ambiguous", candidates: [] } });
      const choice = await flow.log(who, {
        surface: "command",
        text: "Acme complaint: late",
        replyChannelId: "C1",
        requestKey: "k",
      });
      if (choice.status !== "chooseCustomer") throw new Error(choice.status);
      await flow.log(who, { surface: "draft", draftId: choice.draftId, customer: { id: "c2" } });
      expect(logged[0]).toMatchObject({
        customer: { id: "c2" },
        kind: "complaint",
        outcome: "pending",
        requestKey: `draft:${choice.draftId}`,
      });
      expect(marked).toEqual([[choice.draftId, "i1"]]);
    });

    it("creates the customer it names, or opens the form when it has no customer yet", async () => {
      const { flow, logged } = flowWith();
      const dm = await flow.log(who, { surface: "dm", text: "someone called about hours" });
      if (dm.status !== "draft") throw new Error(dm.status);
      expect(await flow.log(who, { surface: "draft", draftId: dm.draft.id, customer: "found" })).toMatchObject({
        status: "openForm",
        draft: { id: dm.draft.id },
      });
      await expect(flow.log(who, { surface: "draft", draftId: dm.draft.id, customer: "typed" })).rejects.toThrow(
        DomainError,
      );
      expect(logged).toEqual([]);
    });

    it("refuses a draft that does not exist (a forged or stale button)", async () => {
      const { flow } = flowWith();
      await expect(flow.log(who, { surface: "draft", draftId: "nope", customer: { id: "c1" } })).rejects.toMatchObject({
        code: "draftNotFound",
      });
    });
  });

  describe("from the form", () => {
    const fields = {
      customer: { create: { name: "New Co" } },
      kind: "complaint" as const,
      channel: "email" as const,
      summary: "invoice wrong",
      outcome: "resolved" as const,
      sentiment: null,
      occurredAt: NOW,
      followUpInDays: null,
      reasonCategoryId: null,
    };

    it("logs what the form says, keyed by the view, and marks its draft logged only the first time", async () => {
      const first = flowWith();
      await first.flow.log(who, { surface: "form", fields, requestKey: "view:V1", draftId: "d9" });
      expect(first.logged[0]).toMatchObject({ ...fields, requestKey: "view:V1", source: null });
      expect(first.marked).toEqual([["d9", "i1"]]);
      const repeat = flowWith({}, { created: false });
      await repeat.flow.log(who, { surface: "form", fields, requestKey: "view:V1", draftId: "d9" });
      expect(repeat.marked).toEqual([]);
    });

    it("changes an interaction, creating the customer chosen when new", async () => {
      const { flow, edits, created, logged } = flowWith();
      await flow.log(who, { surface: "form", fields, requestKey: "view:V2", interactionId: "i7" });
      expect(created).toEqual(["New Co"]);
      expect(edits).toEqual([
        { id: "i7", changes: expect.objectContaining({ customerId: "c-New Co", summary: "invoice wrong" }) },
      ]);
      expect(logged).toEqual([]);
    });
  });

  describe("a complaint's category", () => {
    const command = (text: string) =>
      ({ surface: "command", text, replyChannelId: "C1", requestKey: "command:t1" }) as const;

    it("files a one-line complaint under the category its last tag names, in any language, and drops the tag", async () => {
      const { flow, logged } = flowWith();
      await flow.log(who, command("Ana complaint phone: charged twice #billing"));
      await flow.log(who, command("Ana complaint: caixa amassada #Entrega"));
      await flow.log(who, command("Ana complaint: screen cracked #product-quality"));
      // Slack escapes a tag that is also a channel's name.
      await flow.log(who, command("Ana complaint: lost again <#C0BILL|billing>"));
      expect(logged.map((l) => [l.summary, l.reasonCategoryId])).toEqual([
        ["charged twice", "r-billing"],
        ["caixa amassada", "r-delivery"],
        ["screen cracked", "r-quality"],
        ["lost again", "r-billing"],
      ]);
    });

    it("leaves the text as typed when the tag names no category in use, the tag is the whole summary, or it is not a complaint", async () => {
      const { flow, logged } = flowWith();
      await flow.log(who, command("Ana complaint: order late #4471"));
      await flow.log(who, command("Ana complaint: box torn #biling"));
      await flow.log(who, command("Ana complaint: warranty refused #warranty"));
      await flow.log(who, command("Ana complaint: #billing"));
      await flow.log(who, command("Ana question: how do I pay? #billing"));
      await flow.log(who, command("Ana complaint: the #billing team never called"));
      expect(logged.map((l) => [l.summary, l.reasonCategoryId ?? null])).toEqual([
        ["order late #4471", null],
        ["box torn #biling", null],
        ["warranty refused #warranty", null],
        ["#billing", null],
        ["how do I pay? #billing", null],
        ["the #billing team never called", null],
      ]);
    });

    it("keeps a tag through a draft: the complaint logged from it is filed under the category", async () => {
      const { flow, logged } = flowWith({
        Ana: { status: "ambiguous", candidates: [customer("Ana", "c1"), customer("Ana", "c2")] },
      });
      const outcome = await flow.log(who, command("Ana complaint: charged twice #billing"));
      if (outcome.status !== "chooseCustomer") throw new Error(outcome.status);
      await flow.log(who, { surface: "draft", draftId: outcome.draftId, customer: { id: "c2" } });
      expect(logged[0]).toMatchObject({ summary: "charged twice", reasonCategoryId: "r-billing" });
    });

    const complaint = {
      customer: { id: "c1" },
      kind: "complaint" as const,
      channel: "email" as const,
      summary: "charged twice",
      outcome: "pending" as const,
      sentiment: null,
      occurredAt: NOW,
      followUpInDays: null,
      reasonCategoryId: "r-billing",
    };

    it("takes the form's category for a complaint, none for another kind, and refuses one not offered", async () => {
      const { flow, logged } = flowWith();
      await flow.log(who, { surface: "form", fields: complaint, requestKey: "view:V1" });
      await flow.log(who, { surface: "form", fields: { ...complaint, kind: "question" }, requestKey: "view:V2" });
      expect(logged.map((l) => l.reasonCategoryId)).toEqual(["r-billing", null]);
      for (const forged of ["r-warranty", "r-other-workspace"])
        await expect(
          flow.log(who, { surface: "form", fields: { ...complaint, reasonCategoryId: forged }, requestKey: "view:V3" }),
        ).rejects.toMatchObject({ code: "reasonNotOffered" });
      expect(logged).toHaveLength(2);
    });

    it("corrects it in the edit form, keeps a retired one left unchanged, and drops it when no longer a complaint", async () => {
      const { flow, edits } = flowWith();
      await flow.log(who, { surface: "form", fields: complaint, requestKey: "view:V4", interactionId: "i1" });
      const kept = { ...complaint, reasonCategoryId: "r-warranty" };
      await flow.log(who, { surface: "form", fields: kept, requestKey: "view:V5", interactionId: "i-retired" });
      await expect(
        flow.log(who, { surface: "form", fields: kept, requestKey: "view:V6", interactionId: "i1" }),
      ).rejects.toMatchObject({ code: "reasonNotOffered" });
      const question = { ...complaint, kind: "question" as const };
      await flow.log(who, { surface: "form", fields: question, requestKey: "view:V7", interactionId: "i1" });
      expect(edits.map((e) => (e.changes as { reasonCategoryId: string | null }).reasonCategoryId)).toEqual([
        "r-billing",
        "r-warranty",
        null,
      ]);
    });
  });
});
