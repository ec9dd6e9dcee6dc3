import type { Customer, CustomerMatch, NewCustomer } from "../customers/customer.types.js";
import type { DraftRepository } from "../drafts/draft.repository.js";
import type { Draft, DraftData } from "../drafts/draft.types.js";
import { DomainError, Errors } from "../errors.js";
import type { Role } from "../members/member.types.js";
import { guessFromText } from "./guess.js";
import type { LoggedInteraction } from "./interaction.service.js";
import type { Interaction, InteractionChanges, InteractionSource, LogInteraction } from "./interaction.types.js";
import { DEFAULT_CHANNEL, DEFAULT_KIND, defaultOutcome, GUESSED_CHANNEL } from "./log-defaults.js";
import { type OneLineError, parseOneLine } from "./one-line.parser.js";
import type { Channel, Kind, Outcome, Sentiment } from "./vocabulary.js";

// Logging has five entry points (the one-line command, a DM to the app, an intake post, a draft
// picked from a list, the form). Each turns its input into one request; this flow does the rest and
// answers with one outcome, which the surface renders.

export interface Logger {
  workspaceId: string;
  memberId: string;
  role: Role;
}

/** What the form asks for, every field answered. */
export type FormFields = Pick<
  LogInteraction,
  "customer" | "kind" | "channel" | "summary" | "outcome" | "occurredAt"
> & {
  sentiment: Sentiment | null;
  followUpInDays: number | null;
  /** A complaint's category (only a complaint has one). */
  reasonCategoryId: string | null;
};

export type LogRequest =
  /** `/rapport log <customer> [kind] [channel]: <summary>` */
  | { surface: "command"; text: string; replyChannelId: string; requestKey: string }
  /** Free text sent to the app: a draft to log or edit, never logged unseen. */
  | { surface: "dm"; text: string }
  /** A new post in an intake channel. */
  | { surface: "intake"; text: string; source: InteractionSource; requestKey: string }
  /** A draft logged for a customer picked from a list, for the customer it names, or for the one it found. */
  | { surface: "draft"; draftId: string; customer: { id: string } | "typed" | "found" }
  /** The form, for a new interaction or to change one. */
  | {
      surface: "form";
      fields: FormFields;
      requestKey: string;
      interactionId?: string;
      draftId?: string;
      source?: InteractionSource | null;
    }
  /**
   * The HTTP API (a phone system, a web form): everything given; the customer by a reference
   * (external id, email, phone or name) matched as Slack matches it, created from `create` when new.
   */
  | {
      surface: "api";
      customer: { reference: string; create: NewCustomer };
      kind: Kind;
      channel: Channel;
      summary: string;
      outcome: Outcome | null;
      occurredAt: Date | null;
      durationSeconds: number | null;
      sourceRef: string | null;
      requestKey: string;
    };

export interface DraftShown {
  id: string;
  customer: string | null;
  kind: Kind;
  channel: Channel;
  summary: string;
  /** Its customer is known: it can be logged with one click. */
  canLog: boolean;
}

export type LogOutcome =
  /** Stored (or, when `logged.created` is false, found stored by an earlier delivery of the request). */
  | { status: "logged"; logged: LoggedInteraction }
  /** The customer typed is not one and only one: the person picks (or creates, when `allowCreate`). */
  | { status: "chooseCustomer"; draftId: string; typed: string; candidates: Customer[]; allowCreate: boolean }
  /** Kept as a draft: to fix (`problem` says what is wrong), to check, or to complete in the form. */
  | { status: "draft"; draft: DraftShown; problem?: OneLineError }
  /** The draft has no known customer: the form opens with it. */
  | { status: "openForm"; draft: Draft }
  /** (The API) The customer named is not one and only one: nothing is logged, the caller says which. */
  | { status: "ambiguous"; typed: string; candidates: Customer[] };

export interface LogFlowDeps {
  match(workspaceId: string, reference: string): Promise<CustomerMatch>;
  log(input: LogInteraction): Promise<LoggedInteraction>;
  edit(
    workspaceId: string,
    id: string,
    actor: { memberId: string; role: Role },
    changes: InteractionChanges,
  ): Promise<LoggedInteraction>;
  createCustomer(workspaceId: string, customer: NewCustomer): Promise<{ id: string }>;
  get(workspaceId: string, id: string): Promise<Interaction>;
  reasons: {
    /** The category a tag at the end of the summary names, and the summary without the tag. */
    fromTags(workspaceId: string, summary: string): Promise<{ category: { id: string }; summary: string } | undefined>;
    /** A category chosen in the form, checked (kept when it is the one the complaint has). */
    check(workspaceId: string, id: string | null, current?: string | null): Promise<string | null>;
  };
  drafts: DraftRepository;
  now(): Date;
}

const shown = (draft: Draft, canLog: boolean): DraftShown => ({
  id: draft.id,
  customer: draft.data.customer ?? null,
  kind: draft.data.kind ?? DEFAULT_KIND,
  channel: draft.data.channel ?? DEFAULT_CHANNEL,
  summary: draft.data.summary,
  canLog,
});

export function createLogFlow(deps: LogFlowDeps) {
  const keep = (who: Logger, data: DraftData) => deps.drafts.create(who.workspaceId, who.memberId, data);

  /** A complaint written with its category at the end ("… arrived damaged #delivery") is filed under it. */
  async function tagged(who: Logger, kind: Kind, summary: string) {
    const found = kind === "complaint" ? await deps.reasons.fromTags(who.workspaceId, summary) : undefined;
    return found ? { summary: found.summary, reasonCategoryId: found.category.id } : { summary };
  }

  async function draftOf(who: Pick<Logger, "workspaceId">, id: string): Promise<Draft> {
    const draft = await deps.drafts.get(who.workspaceId, id);
    if (!draft) throw Errors.draftNotFound();
    return draft;
  }

  async function fromCommand(who: Logger, request: Extract<LogRequest, { surface: "command" }>): Promise<LogOutcome> {
    const parsed = parseOneLine(request.text);
    if (!parsed.ok) {
      const { partial } = parsed;
      const draft = await keep(who, {
        ...partial,
        summary: partial.summary ?? "",
        replyChannelId: request.replyChannelId,
      });
      return { status: "draft", draft: shown(draft, false), problem: parsed.error };
    }
    const { customer, kind, channel, summary } = parsed.value;
    const match = await deps.match(who.workspaceId, customer);
    if (match.status === "ambiguous" || match.status === "close") {
      const draft = await keep(who, { customer, kind, channel, summary, replyChannelId: request.replyChannelId });
      return {
        status: "chooseCustomer",
        draftId: draft.id,
        typed: customer,
        candidates: match.candidates,
        allowCreate: match.status === "close",
      };
    }
    const logged = await deps.log({
      workspaceId: who.workspaceId,
      authorId: who.memberId,
      customer: match.status === "found" ? { id: match.customer.id } : { create: match.customer },
      kind,
      channel,
      ...(await tagged(who, kind, summary)),
      outcome: defaultOutcome(kind, "command"),
      occurredAt: deps.now(),
      requestKey: request.requestKey,
    });
    return { status: "logged", logged };
  }

  async function fromDm(who: Logger, request: Extract<LogRequest, { surface: "dm" }>): Promise<LogOutcome> {
    const parsed = parseOneLine(request.text);
    const guess = parsed.ok ? parsed.value : guessFromText(request.text, { channel: GUESSED_CHANNEL.dm });
    let customer = guess.customer ?? undefined;
    let customerId: string | undefined;
    if (customer) {
      const match = await deps.match(who.workspaceId, customer);
      if (match.status === "found") {
        customerId = match.customer.id;
        customer = match.customer.name;
      }
    }
    const { kind, channel, summary } = guess;
    const draft = await keep(who, { customer, customerId, kind, channel, summary });
    return { status: "draft", draft: shown(draft, Boolean(customer)) };
  }

  async function fromIntake(who: Logger, request: Extract<LogRequest, { surface: "intake" }>): Promise<LogOutcome> {
    const guess = guessFromText(request.text, { channel: GUESSED_CHANNEL.intake });
    const match = guess.customer ? await deps.match(who.workspaceId, guess.customer) : undefined;
    const { kind, channel, summary } = guess;
    if (match?.status === "found" || match?.status === "new") {
      const logged = await deps.log({
        workspaceId: who.workspaceId,
        authorId: who.memberId,
        customer:
          match.status === "found" ? { id: match.customer.id } : { create: guess.newCustomer ?? match.customer },
        kind,
        channel,
        ...(await tagged(who, kind, summary)),
        outcome: defaultOutcome(kind, "intake"),
        occurredAt: deps.now(),
        source: request.source,
        requestKey: request.requestKey,
      });
      return { status: "logged", logged };
    }
    const draft = await keep(who, {
      customer: guess.customer ?? undefined,
      kind,
      channel,
      summary,
      source: request.source,
      replyChannelId: request.source.channelId,
    });
    return { status: "draft", draft: shown(draft, false) };
  }

  async function fromDraft(who: Logger, request: Extract<LogRequest, { surface: "draft" }>): Promise<LogOutcome> {
    const draft = await draftOf(who, request.draftId);
    const { data } = draft;
    let customer: LogInteraction["customer"];
    if (request.customer === "typed") {
      if (!data.customer) throw Errors.draftNotFound();
      customer = { create: { name: data.customer } };
    } else if (request.customer === "found") {
      if (!data.customerId) return { status: "openForm", draft };
      customer = { id: data.customerId };
    } else customer = request.customer;
    const kind = data.kind ?? DEFAULT_KIND;
    const logged = await deps.log({
      workspaceId: who.workspaceId,
      authorId: who.memberId,
      customer,
      kind,
      channel: data.channel ?? DEFAULT_CHANNEL,
      ...(await tagged(who, kind, data.summary)),
      outcome: defaultOutcome(kind, "draft"),
      occurredAt: deps.now(),
      source: data.source ?? null,
      // The draft's id makes a second click find the first.
      requestKey: `draft:${draft.id}`,
    });
    await deps.drafts.markLogged(who.workspaceId, draft.id, logged.interaction.id);
    return { status: "logged", logged };
  }

  async function fromApi(who: Logger, request: Extract<LogRequest, { surface: "api" }>): Promise<LogOutcome> {
    const { customer, kind } = request;
    const match = await deps.match(who.workspaceId, customer.reference);
    // Never a silent merge: two customers fit, or only names close to it.
    if (match.status === "ambiguous" || match.status === "close")
      return { status: "ambiguous", typed: customer.reference, candidates: match.candidates };
    const logged = await deps.log({
      workspaceId: who.workspaceId,
      authorId: who.memberId,
      customer: match.status === "found" ? { id: match.customer.id } : { create: customer.create },
      kind,
      channel: request.channel,
      summary: request.summary,
      outcome: request.outcome ?? defaultOutcome(kind, "api"),
      occurredAt: request.occurredAt ?? deps.now(),
      durationSeconds: request.durationSeconds,
      sourceRef: request.sourceRef,
      requestKey: request.requestKey,
    });
    return { status: "logged", logged };
  }

  async function fromForm(who: Logger, request: Extract<LogRequest, { surface: "form" }>): Promise<LogOutcome> {
    const { fields } = request;
    if (request.interactionId) {
      const customerId =
        "id" in fields.customer
          ? fields.customer.id
          : (await deps.createCustomer(who.workspaceId, fields.customer.create)).id;
      const { kind, channel, summary, outcome, sentiment, occurredAt } = fields;
      const before = await deps.get(who.workspaceId, request.interactionId);
      // Only a complaint has a category: one that stops being a complaint loses it.
      const reasonCategoryId =
        kind === "complaint"
          ? await deps.reasons.check(who.workspaceId, fields.reasonCategoryId, before.reasonCategoryId)
          : null;
      const logged = await deps.edit(
        who.workspaceId,
        request.interactionId,
        { memberId: who.memberId, role: who.role },
        { customerId, kind, channel, summary, outcome, sentiment, occurredAt, reasonCategoryId },
      );
      return { status: "logged", logged };
    }
    const reasonCategoryId =
      fields.kind === "complaint" ? await deps.reasons.check(who.workspaceId, fields.reasonCategoryId) : null;
    const logged = await deps.log({
      workspaceId: who.workspaceId,
      authorId: who.memberId,
      ...fields,
      reasonCategoryId,
      source: request.source ?? null,
      requestKey: request.requestKey,
    });
    if (request.draftId && logged.created)
      await deps.drafts.markLogged(who.workspaceId, request.draftId, logged.interaction.id);
    return { status: "logged", logged };
  }

  return {
    /** A draft as kept, to open in the form. */
    draft: (workspaceId: string, id: string) => draftOf({ workspaceId }, id),
    /** Files a complaint under a category (from its card), or corrects the one it has. */
    async fileUnder(who: Logger, interactionId: string, categoryId: string): Promise<LoggedInteraction> {
      const before = await deps.get(who.workspaceId, interactionId);
      if (before.kind !== "complaint") throw new DomainError("reasonNotComplaint");
      const reasonCategoryId = await deps.reasons.check(who.workspaceId, categoryId, before.reasonCategoryId);
      return deps.edit(
        who.workspaceId,
        interactionId,
        { memberId: who.memberId, role: who.role },
        { reasonCategoryId },
      );
    },
    log(who: Logger, request: LogRequest): Promise<LogOutcome> {
      switch (request.surface) {
        case "command":
          return fromCommand(who, request);
        case "dm":
          return fromDm(who, request);
        case "intake":
          return fromIntake(who, request);
        case "draft":
          return fromDraft(who, request);
        case "form":
          return fromForm(who, request);
        case "api":
          return fromApi(who, request);
      }
    },
  };
}

export type LogFlow = ReturnType<typeof createLogFlow>;
