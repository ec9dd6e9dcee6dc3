import { z } from "zod";
import { API_SCOPES } from "../domain/api/api-token.types.js";
import { CUSTOMER_NAME_MAX_LENGTH, SUMMARY_MAX_LENGTH } from "../domain/interactions/interaction.limits.js";
import { CHANNELS, KINDS, OUTCOMES, SENTIMENTS } from "../domain/interactions/vocabulary.js";

// What the HTTP API accepts and answers, as zod schemas: the handlers validate with them and the
// OpenAPI document is generated from them.

/** Text as people send it: trimmed, NUL characters (which PostgreSQL refuses) taken out. */
const text = (max: number) =>
  z
    .string()
    .transform((value) => value.replaceAll("\u0000", "").trim())
    .pipe(z.string().min(1).max(max));

export const CustomerRefSchema = z
  .object({
    externalId: z
      .string()
      .regex(/^[\w-]{1,64}$/)
      .optional(),
    email: z.email().max(254).optional(),
    phone: z
      .string()
      .regex(/^\+?[0-9 ().-]{5,40}$/)
      .optional(),
    name: text(CUSTOMER_NAME_MAX_LENGTH).optional(),
  })
  .strict()
  .refine((c) => c.externalId || c.email || c.phone || c.name, {
    error: "Give the customer's externalId, email, phone or name.",
  })
  .meta({ description: "Matched as Slack matches it: external id, then email, then phone, then name." });

export const NewInteractionSchema = z
  .object({
    customer: CustomerRefSchema,
    kind: z.enum(KINDS),
    channel: z.enum(CHANNELS),
    summary: text(SUMMARY_MAX_LENGTH),
    outcome: z.enum(OUTCOMES).optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    author: z.object({ slackUserId: z.string().regex(/^[UW][A-Z0-9]{2,20}$/) }).strict(),
  })
  .strict()
  .meta({ id: "NewInteraction" });

export const InteractionSchema = z
  .object({
    id: z.uuid(),
    customer: z.object({ id: z.uuid(), name: z.string() }),
    kind: z.enum(KINDS),
    channel: z.enum(CHANNELS),
    summary: z.string(),
    outcome: z.enum(OUTCOMES),
    sentiment: z.enum(SENTIMENTS).nullable(),
    occurredAt: z.iso.datetime(),
    author: z.object({ slackUserId: z.string() }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Interaction" });

export const LoggedSchema = z
  .object({
    interaction: z.object({ id: z.uuid(), customer: z.object({ id: z.uuid(), name: z.string() }) }),
    created: z.boolean(),
  })
  .meta({ id: "Logged" });

export const CustomerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    externalId: z.string().nullable(),
    tier: z.string().nullable(),
    tags: z.array(z.string()),
    status: z.string(),
    owner: z.object({ slackUserId: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Customer" });

const page = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() }).meta({ id });

export const InteractionPageSchema = page(InteractionSchema, "InteractionPage");
export const CustomerPageSchema = page(CustomerSchema, "CustomerPage");
export const CustomerWithTimelineSchema = z
  .object({ customer: CustomerSchema, timeline: z.array(InteractionSchema) })
  .meta({ id: "CustomerWithTimeline" });

export const ListQuerySchema = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const InteractionQuerySchema = ListQuerySchema.extend({
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  team: z.string().max(80).optional(),
}).strict();

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      field: z.string().optional(),
      problems: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
      candidates: z.array(z.object({ id: z.uuid(), name: z.string() })).optional(),
    }),
  })
  .meta({ id: "Error" });

export const SCOPES = API_SCOPES;
