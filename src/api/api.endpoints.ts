import type { z } from "zod";
import { type ApiReadRepository, decodeCursor } from "../domain/api/api-read.repository.js";
import type { ApiCaller, ApiScope } from "../domain/api/api-token.types.js";
import type { LogFlow } from "../domain/interactions/log-interaction.flow.js";
import type { MemberService } from "../domain/members/member.service.js";
import type { SettingsRepository } from "../domain/workspace-settings/settings.repository.js";
import {
  CustomerPageSchema,
  CustomerWithTimelineSchema,
  InteractionPageSchema,
  InteractionQuerySchema,
  ListQuerySchema,
  LoggedSchema,
  NewInteractionSchema,
} from "./api.schemas.js";
import { ApiError } from "./api-http.js";

// Each endpoint: its method and path, the scope it needs, what it reads, and what it answers.

export interface ApiHandlerDeps {
  logging: LogFlow;
  read: ApiReadRepository;
  members: Pick<MemberService, "findKnown">;
  settings: Pick<SettingsRepository, "load">;
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
  method: "GET" | "POST";
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

async function logInteraction(deps: ApiHandlerDeps, request: ApiRequest) {
  const body = request.body as z.output<typeof NewInteractionSchema>;
  const { workspaceId } = request.caller;
  const author = await deps.members.findKnown(workspaceId, body.author.slackUserId);
  if (!author)
    throw new ApiError(400, "unknown_author", "No one in this workspace has used Rapport with that Slack id.", {
      field: "author.slackUserId",
    });
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
      summary: body.summary,
      outcome: body.outcome ?? null,
      occurredAt: body.occurredAt ? new Date(body.occurredAt) : null,
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
  return {
    status: created ? 201 : 200,
    body: {
      interaction: { id: interaction.id, customer: { id: interaction.customerId, name: interaction.customerName } },
      created,
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
  {
    method: "GET",
    path: "/interactions",
    scope: "read",
    summary: "Interactions, newest first, a page at a time; by time (occurredAt) and team.",
    query: InteractionQuerySchema,
    status: 200,
    response: InteractionPageSchema,
    async handle(deps, request) {
      const q = request.query as z.output<typeof InteractionQuerySchema>;
      let teamId: string | undefined;
      if (q.team) {
        const team = (await deps.settings.load(request.caller.workspaceId)).teams.find(
          (t) => t.name.toLowerCase() === q.team?.toLowerCase(),
        );
        if (!team) throw new ApiError(400, "unknown_team", "No team of that name.", { field: "team" });
        teamId = team.id;
      }
      const filter = {
        ...(q.since ? { since: new Date(q.since) } : {}),
        ...(q.until ? { until: new Date(q.until) } : {}),
        ...(teamId ? { teamId } : {}),
      };
      if (q.cursor && !decodeCursor(q.cursor)) throw badCursor();
      return {
        status: 200,
        body: await deps.read.interactions(request.caller.workspaceId, filter, q.cursor ?? null, q.limit),
      };
    },
  },
  {
    method: "GET",
    path: "/customers",
    scope: "read",
    summary: "Customers, in the order they were created, a page at a time.",
    query: ListQuerySchema,
    status: 200,
    response: CustomerPageSchema,
    async handle(deps, request) {
      const q = request.query as z.output<typeof ListQuerySchema>;
      if (q.cursor && !decodeCursor(q.cursor)) throw badCursor();
      return { status: 200, body: await deps.read.customers(request.caller.workspaceId, q.cursor ?? null, q.limit) };
    },
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
