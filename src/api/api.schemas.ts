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
    summary: text(SUMMARY_MAX_LENGTH).optional(),
    outcome: z.enum(OUTCOMES).optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    author: z.union([
      z.object({ slackUserId: z.string().regex(/^[UW][A-Z0-9]{2,20}$/) }).strict(),
      z.object({ email: z.email().max(254) }).strict(),
    ]),
    durationSeconds: z.number().int().min(0).max(86_400).optional(),
    sourceRef: text(200).optional().meta({ description: "The calling system's own id for it (a call id)" }),
    pending: z
      .boolean()
      .optional()
      .meta({ description: "A call logged for its agent to complete: they get a DM to add the summary" }),
  })
  .strict()
  .refine((i) => i.pending === true || i.summary !== undefined, {
    error: "A summary, unless the call is pending for its agent to complete.",
    path: ["summary"],
  })
  .meta({ id: "NewInteraction" });

const tags = z.array(z.string().regex(/^[\p{L}\p{N}_-]{1,40}$/u)).max(30);
const owner = z.object({ slackUserId: z.string().regex(/^[UW][A-Z0-9]{2,20}$/) }).strict();
const externalId = z.string().regex(/^[\w-]{1,64}$/);
const phone = z.string().regex(/^\+?[0-9 ().-]{5,40}$/);

export const NewCustomerSchema = z
  .object({
    name: text(CUSTOMER_NAME_MAX_LENGTH),
    email: z.email().max(254).optional(),
    phone: phone.optional(),
    externalId: externalId.optional(),
    tier: text(40).optional(),
    tags: tags.optional(),
    owner: owner.optional(),
  })
  .strict()
  .meta({ id: "NewCustomer" });

export const CustomerChangesSchema = z
  .object({
    name: text(CUSTOMER_NAME_MAX_LENGTH).optional(),
    email: z.email().max(254).nullable().optional(),
    phone: phone.nullable().optional(),
    externalId: externalId.nullable().optional(),
    tier: text(40).nullable().optional(),
    tags: tags.optional(),
    owner: owner.nullable().optional(),
    optedOutOfOffers: z.boolean().optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, { error: "Send at least one field to change." })
  .meta({ id: "CustomerChanges" });

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
    durationSeconds: z.number().int().nullable(),
    sourceRef: z.string().nullable(),
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

export const EscalationSchema = z
  .object({
    id: z.uuid(),
    customer: z.object({ id: z.uuid(), name: z.string() }),
    interactionId: z.uuid(),
    team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    status: z.enum(["open", "claimed", "approved", "rejected", "resolved", "cancelled"]),
    severity: z.enum(["low", "normal", "high", "urgent"]),
    reason: z.string(),
    requestedAction: z.string(),
    amount: z.string().nullable().meta({ description: "A decimal, as text" }),
    raisedBy: z.object({ slackUserId: z.string() }),
    claimedBy: z.object({ slackUserId: z.string() }).nullable(),
    dueAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
    decisionNote: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Escalation" });

export const FollowUpSchema = z
  .object({
    id: z.uuid(),
    customer: z.object({ id: z.uuid(), name: z.string() }),
    assignee: z.object({ slackUserId: z.string() }),
    status: z.enum(["pending", "done"]),
    note: z.string(),
    dueAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
    outcome: z.string().nullable(),
    interactionId: z.uuid().nullable(),
    escalationId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "FollowUp" });

export const EscalationPageSchema = page(EscalationSchema, "EscalationPage");
export const FollowUpPageSchema = page(FollowUpSchema, "FollowUpPage");

export const WeeklyQuerySchema = z
  .object({
    week: z
      .string()
      .regex(/^(\d{4}-W\d{1,2}|\d{4}-\d{2}|last|week|month|last-month)$/i)
      .default("last")
      .meta({ description: "An ISO week (2026-W47), a month (2026-11), or last, week, month, last-month" }),
    team: z.string().max(80).optional(),
  })
  .strict();

const counts = z.record(z.string(), z.number().int());
const volume = z.object({
  total: z.number().int(),
  resolved: z.number().int(),
  complaints: z.number().int(),
  byKind: counts,
  byChannel: counts,
});
const categoryCount = z.object({
  key: z.string().nullable().meta({ description: "A default category's key; null for one an admin added" }),
  name: z.string().nullable().meta({ description: "The name an admin gave it, if any" }),
  count: z.number().int(),
  previous: z.number().int(),
});
const recoveryCount = z.object({ judged: z.number().int(), recovered: z.number().int() });
const recovery = z.object({ current: recoveryCount, previous: recoveryCount });
export const WeeklyReportSchema = z
  .object({
    period: z.object({ label: z.string(), from: z.iso.datetime(), to: z.iso.datetime() }),
    timeZone: z.string(),
    team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    volume,
    previousVolume: volume,
    topReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
    reasonCategories: z
      .array(categoryCount)
      .meta({ description: "Complaints by category (their root cause where one was found), with the period before" }),
    rootCauses: z.array(categoryCount).meta({ description: "The top root causes recorded in the period" }),
    recovery: recovery.meta({
      description:
        "Complaints whose 90 days ended in the period (and the period before), and how many won the customer back",
    }),
    escalations: z.object({
      opened: z.number().int(),
      decided: z.number().int(),
      medianDecisionHours: z.number().nullable(),
      breaches: z.number().int(),
      deadlinesDue: z.number().int(),
      decidedOnTime: z.number().int(),
    }),
    followUps: z.object({
      due: z.number().int(),
      onTime: z.number().int(),
      late: z.number().int(),
      open: z.number().int(),
      byCover: z.number().int(),
    }),
    retention: z.object({ lapsed: z.number().int(), atRisk: z.number().int(), wonBack: z.number().int() }),
    teams: z.array(
      z.object({
        name: z.string(),
        interactions: z.number().int(),
        previousInteractions: z.number().int(),
        complaints: z.number().int(),
        followUpsDue: z.number().int(),
        followUpsOnTime: z.number().int(),
        deadlinesDue: z.number().int(),
        deadlinesMet: z.number().int(),
        recovery,
      }),
    ),
    targets: z.array(
      z.object({ metric: z.string(), value: z.number(), actual: z.number().nullable(), met: z.boolean().nullable() }),
    ),
    weeks: z.array(z.object({ monday: z.string(), counts })),
  })
  .meta({ id: "WeeklyReport" });

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
