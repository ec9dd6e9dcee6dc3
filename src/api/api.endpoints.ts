import type { z } from "zod";
import { type ApiReadRepository, decodeCursor } from "../domain/api/api-read.repository.js";
import type { ApiCaller, ApiScope } from "../domain/api/api-token.types.js";
import type { CustomerService } from "../domain/customers/customer.service.js";
import type { Interaction } from "../domain/interactions/interaction.types.js";
import type { LogFlow } from "../domain/interactions/log-interaction.flow.js";
import type { MemberService } from "../domain/members/member.service.js";
import type { Member } from "../domain/members/member.types.js";
import type { ReportService } from "../domain/reports/report.service.js";
import type { SettingsRepository } from "../domain/workspace-settings/settings.repository.js";
import {
  CustomerChangesSchema,
  CustomerPageSchema,
  CustomerSchema,
  CustomerWithTimelineSchema,
  EscalationPageSchema,
  FollowUpPageSchema,
  InteractionPageSchema,
  InteractionQuerySchema,
  LoggedSchema,
  NewCustomerSchema,
  NewInteractionSchema,
  WeeklyQuerySchema,
  WeeklyReportSchema,
} from "./api.schemas.js";
import { ApiError } from "./api-http.js";

// Each endpoint: its method and path, the scope it needs, what it reads, and what it answers.

export interface ApiHandlerDeps {
  logging: LogFlow;
  read: ApiReadRepository;
  members: Pick<MemberService, "findKnown">;
  settings: Pick<SettingsRepository, "load">;
  reports: Pick<ReportService, "weekly">;
  customers: Pick<CustomerService, "existing" | "create" | "update">;
  /** The Slack user with this email (users.lookupByEmail), or null. */
  slackUserByEmail(email: string): Promise<string | null>;
  /** Tells the agent a call was logged for them to complete (a DM with one button). */
  askToComplete(
    workspaceId: string,
    author: Member,
    interaction: Interaction,
    call: { source: string; durationSeconds: number | null },
  ): Promise<void>;
  log: (message: string, context: Record<string, unknown>) => void;
  now: () => Date;
}

export interface ApiRequest<Body = unknown, Query = unknown> {
  caller: ApiCaller;
  body: Body;
  query: Query;
  params: Record<string, string>;
  /** Makes the same request, stored twice, one interaction. */
  requestKey: string;
}

export interface Endpoint {
  method: "GET" | "POST" | "PATCH";
  /** OpenAPI style, after /api/v1: /customers/{id}. */
  path: string;
  scope: ApiScope;
  summary: string;
  body?: z.ZodType;
  query?: z.ZodType;
  status: number;
  response: z.ZodType;
  handle(deps: ApiHandlerDeps, request: ApiRequest): Promise<{ status: number; body: unknown }>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const badCursor = () =>
  new ApiError(400, "invalid_cursor", "The cursor is not one this API gave.", { field: "cursor" });

/** A listing's time and team filter, the team by its name. */
async function filterOf(deps: ApiHandlerDeps, workspaceId: string, q: z.output<typeof InteractionQuerySchema>) {
  if (q.cursor && !decodeCursor(q.cursor)) throw badCursor();
  let teamId: string | undefined;
  if (q.team) {
    const team = (await deps.settings.load(workspaceId)).teams.find(
      (t) => t.name.toLowerCase() === q.team?.toLowerCase(),
    );
    if (!team) throw new ApiError(400, "unknown_team", "No team of that name.", { field: "team" });
    teamId = team.id;
  }
  return {
    ...(q.since ? { since: new Date(q.since) } : {}),
    ...(q.until ? { until: new Date(q.until) } : {}),
    ...(teamId ? { teamId } : {}),
  };
}

async function weeklyReport(deps: ApiHandlerDeps, request: ApiRequest) {
  const q = request.query as z.output<typeof WeeklyQuerySchema>;
  const digest = await deps.reports.weekly(request.caller.workspaceId, q.week, q.team).catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    if (code === "unknownTeam") throw new ApiError(400, "unknown_team", "No team of that name.", { field: "team" });
    if (code === "reportBadPeriod")
      throw new ApiError(400, "invalid_week", "That week is not one yet, or not a week.", { field: "week" });
    throw error;
  });
  const { period, figures } = digest;
  return {
    status: 200,
    body: {
      period: { label: period.label, from: period.from.toISOString(), to: period.to.toISOString() },
      timeZone: digest.timeZone,
      team: digest.team,
      ...figures,
      teams: digest.teams.map(({ teamId: _teamId, ...team }) => team),
      targets: digest.targets.map((t) => ({ metric: t.metric, value: t.value, actual: t.actual, met: t.met ?? null })),
      weeks: digest.weeks,
    },
  };
}

/** The member a Slack id names, for an owner or an author: a 400 on `field` when Rapport has not met them. */
async function knownPerson(deps: ApiHandlerDeps, workspaceId: string, slackUserId: string, field: string) {
  const member = await deps.members.findKnown(workspaceId, slackUserId);
  if (!member)
    throw new ApiError(400, "unknown_person", "No one in this workspace has used Rapport with that Slack id.", {
      field,
    });
  return member;
}

const externalIdTaken = (error: unknown) => {
  if ((error as { code?: string }).code === "externalIdTaken")
    throw new ApiError(409, "external_id_taken", "Another customer has this externalId.", { field: "externalId" });
  throw error;
};

async function createCustomer(deps: ApiHandlerDeps, request: ApiRequest) {
  const body = request.body as z.output<typeof NewCustomerSchema>;
  const { workspaceId } = request.caller;
  const ownerId = body.owner
    ? (await knownPerson(deps, workspaceId, body.owner.slackUserId, "owner.slackUserId")).id
    : undefined;
  // Never a second customer for the same external id, email or phone, nor (with none given) the same name.
  const existing = await deps.customers.existing(workspaceId, body);
  if (existing.length)
    throw new ApiError(409, "customer_exists", "A customer with these details exists; change it with PATCH.", {
      candidates: existing.slice(0, 10).map((c) => ({ id: c.id, name: c.name })),
    });
  const created = await deps.customers.create(workspaceId, body);
  if (body.tier || body.tags || ownerId)
    await deps.customers
      .update(workspaceId, created.id, null, {
        ...(body.tier ? { tier: body.tier } : {}),
        ...(body.tags ? { tags: body.tags } : {}),
        ...(ownerId ? { ownerId } : {}),
      })
      .catch(externalIdTaken);
  return { status: 201, body: await deps.read.customer(workspaceId, created.id) };
}

async function changeCustomer(deps: ApiHandlerDeps, request: ApiRequest) {
  const body = request.body as z.output<typeof CustomerChangesSchema>;
  const { workspaceId } = request.caller;
  const id = request.params.id ?? "";
  if (!UUID.test(id)) throw new ApiError(404, "not_found", "No such customer.", { field: "id" });
  const { owner, ...changes } = body;
  const ownerId =
    owner === undefined
      ? undefined
      : owner === null
        ? null
        : (await knownPerson(deps, workspaceId, owner.slackUserId, "owner.slackUserId")).id;
  const updated = await deps.customers
    .update(workspaceId, id, null, { ...changes, ...(ownerId !== undefined ? { ownerId } : {}) })
    .catch(externalIdTaken);
  if (!updated) throw new ApiError(404, "not_found", "No such customer.", { field: "id" });
  return { status: 200, body: await deps.read.customer(workspaceId, id) };
}

async function logInteraction(deps: ApiHandlerDeps, request: ApiRequest) {
  const body = request.body as z.output<typeof NewInteractionSchema>;
  const { workspaceId } = request.caller;
  const author =
    "email" in body.author
      ? await knownPerson(deps, workspaceId, (await deps.slackUserByEmail(body.author.email)) ?? "", "author.email")
      : await knownPerson(deps, workspaceId, body.author.slackUserId, "author.slackUserId");
  const c = body.customer;
  const reference = c.externalId ? `#${c.externalId}` : (c.email ?? c.phone ?? c.name ?? "");
  const outcome = await deps.logging.log(
    { workspaceId, memberId: author.id, role: author.role },
    {
      surface: "api",
      customer: {
        reference,
        create: {
          name: c.name ?? c.email ?? c.phone ?? c.externalId ?? reference,
          email: c.email ?? null,
          phone: c.phone ?? null,
          externalId: c.externalId ?? null,
        },
      },
      kind: body.kind,
      channel: body.channel,
      summary: body.summary ?? "",
      outcome: body.pending ? "pending" : (body.outcome ?? null),
      occurredAt: body.occurredAt ? new Date(body.occurredAt) : null,
      durationSeconds: body.durationSeconds ?? null,
      sourceRef: body.sourceRef ?? null,
      requestKey: request.requestKey,
    },
  );
  if (outcome.status === "ambiguous")
    throw new ApiError(
      409,
      "customer_ambiguous",
      "More than one customer fits; send the one meant by its externalId or email.",
      {
        field: "customer",
        candidates: outcome.candidates.slice(0, 10).map((x) => ({ id: x.id, name: x.name })),
      },
    );
  if (outcome.status !== "logged") throw new Error(`unexpected log outcome ${outcome.status}`);
  const { interaction, created } = outcome.logged;
  // A call for its agent to complete: a DM with one button; the call is stored whatever Slack says.
  if (created && body.pending)
    await deps
      .askToComplete(workspaceId, author, interaction, {
        source: request.caller.tokenName,
        durationSeconds: body.durationSeconds ?? null,
      })
      .catch((error: unknown) =>
        deps.log("pending call not announced", { interaction: interaction.id, error: String(error) }),
      );
  return {
    status: created ? 201 : 200,
    body: {
      interaction: { id: interaction.id, customer: { id: interaction.customerId, name: interaction.customerName } },
      created,
    },
  };
}

/** A listing by time and team, a page at a time: interactions, escalations or follow-ups. */
function listing(
  path: string,
  summary: string,
  response: z.ZodType,
  read: "interactions" | "escalations" | "followUps" | "customers",
): Endpoint {
  return {
    method: "GET",
    path,
    scope: "read",
    summary,
    query: InteractionQuerySchema,
    status: 200,
    response,
    async handle(deps, request) {
      const q = request.query as z.output<typeof InteractionQuerySchema>;
      const filter = await filterOf(deps, request.caller.workspaceId, q);
      return {
        status: 200,
        body: await deps.read[read](request.caller.workspaceId, filter, q.cursor ?? null, q.limit),
      };
    },
  };
}

export const API_ENDPOINTS: Endpoint[] = [
  {
    method: "POST",
    path: "/interactions",
    scope: "write",
    summary: "Log an interaction (a call, a web form, an email) for a customer, as its author would in Slack.",
    body: NewInteractionSchema,
    status: 201,
    response: LoggedSchema,
    handle: logInteraction,
  },
  listing(
    "/interactions",
    "Interactions, newest first, a page at a time; by time (occurredAt) and team.",
    InteractionPageSchema,
    "interactions",
  ),
  listing(
    "/escalations",
    "Escalations, newest first (by when raised), a page at a time; by time and team.",
    EscalationPageSchema,
    "escalations",
  ),
  listing(
    "/follow-ups",
    "Follow-ups, latest due first, a page at a time; by due time and the assignee's team.",
    FollowUpPageSchema,
    "followUps",
  ),
  {
    method: "GET",
    path: "/reports/weekly",
    scope: "read",
    summary: "The weekly digest's figures, in the workspace's time zone: the whole workspace or one team.",
    query: WeeklyQuerySchema,
    status: 200,
    response: WeeklyReportSchema,
    handle: weeklyReport,
  },
  listing(
    "/customers",
    "Customers, in the order they were created, a page at a time; by when and the owner's team.",
    CustomerPageSchema,
    "customers",
  ),
  {
    method: "POST",
    path: "/customers",
    scope: "write",
    summary: "Add a customer (refused when one with its external id, email or phone, or its name alone, exists).",
    body: NewCustomerSchema,
    status: 201,
    response: CustomerSchema,
    handle: createCustomer,
  },
  {
    method: "PATCH",
    path: "/customers/{id}",
    scope: "write",
    summary: "Change a customer's details (null clears a field).",
    body: CustomerChangesSchema,
    status: 200,
    response: CustomerSchema,
    handle: changeCustomer,
  },
  {
    method: "GET",
    path: "/customers/{id}",
    scope: "read",
    summary: "One customer, with their 50 latest interactions.",
    status: 200,
    response: CustomerWithTimelineSchema,
    async handle(deps, request) {
      const id = request.params.id ?? "";
      const customer = UUID.test(id) ? await deps.read.customer(request.caller.workspaceId, id) : null;
      if (!customer) throw new ApiError(404, "not_found", "No such customer.", { field: "id" });
      const timeline = await deps.read.interactions(request.caller.workspaceId, { customerId: id }, null, 50);
      return { status: 200, body: { customer, timeline: timeline.data } };
    },
  },
];
