import { z } from "zod";
import { FOLLOW_UP_MAX_DAYS, SUMMARY_MAX_LENGTH } from "../domain/interactions/interaction.limits.js";
import { CHANNELS, KINDS, OUTCOMES, SENTIMENTS } from "../domain/interactions/vocabulary.js";
import { visibleText } from "../domain/text.js";
import type { Translate } from "../i18n/i18n.js";
import { ACTIONS, BLOCK_IDS, inputAction } from "./ids.js";

// The log form's submitted state, checked field by field; each problem is
// reported beside its field and nothing is stored.

interface StateValue {
  selected_option?: { value: string } | null;
  selected_options?: Array<{ value: string }>;
  value?: string | null;
  selected_date_time?: number | null;
}
type StateValues = Record<string, Record<string, StateValue>>;

export const LogFormValuesSchema = z.object({
  customer: z.union([
    z.object({ id: z.uuid() }),
    z.object({ create: z.object({ name: z.string().trim().min(1).max(140) }) }),
  ]),
  kind: z.enum(KINDS),
  channel: z.enum(CHANNELS),
  summary: z.string(),
  outcome: z.enum(OUTCOMES),
  sentiment: z.enum(SENTIMENTS).nullable(),
  occurredAt: z.date(),
  followUpInDays: z.number().int().nullable(),
  reasonCategoryId: z.uuid().nullable(),
  escalate: z.boolean(),
});

export type LogFormValues = z.infer<typeof LogFormValuesSchema>;

export type FormResult = { ok: true; values: LogFormValues } | { ok: false; errors: Record<string, string> };

function customerFrom(value: string | undefined): LogFormValues["customer"] | undefined {
  if (value?.startsWith("id:")) return { id: value.slice(3) };
  if (value?.startsWith("new:") && visibleText(value.slice(4))) return { create: { name: value.slice(4).trim() } };
  return undefined;
}

export function readLogForm(values: StateValues, t: Translate, now: Date): FormResult {
  const field = (block: string, action = inputAction(block)) => values[block]?.[action];
  const errors: Record<string, string> = {};

  const customer = customerFrom(field(BLOCK_IDS.customer, ACTIONS.customerSelect)?.selected_option?.value);
  if (!customer) errors[BLOCK_IDS.customer] = t("form.errors.customerRequired");

  const summary = (field(BLOCK_IDS.summary)?.value ?? "").trim();
  if (!summary) errors[BLOCK_IDS.summary] = t("form.errors.summaryRequired");
  else if (summary.length > SUMMARY_MAX_LENGTH) {
    errors[BLOCK_IDS.summary] = t("form.errors.summaryTooLong", { max: SUMMARY_MAX_LENGTH, length: summary.length });
  }

  const seconds = field(BLOCK_IDS.occurredAt)?.selected_date_time;
  const occurredAt = typeof seconds === "number" ? new Date(seconds * 1000) : now;
  // A few minutes of clock difference between the person's device and us is not "the future".
  if (occurredAt.getTime() > now.getTime() + 5 * 60 * 1000) errors[BLOCK_IDS.occurredAt] = t("form.errors.inFuture");

  const daysText = field(BLOCK_IDS.followUpDays)?.value?.trim();
  const days = daysText ? Number(daysText) : null;
  if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= FOLLOW_UP_MAX_DAYS)) {
    errors[BLOCK_IDS.followUpDays] = t("form.errors.followUpRange", { max: FOLLOW_UP_MAX_DAYS });
  }
  const kind = field(BLOCK_IDS.kind)?.selected_option?.value;
  const reasonCategoryId = field(BLOCK_IDS.reasonCategory)?.selected_option?.value ?? null;
  if (reasonCategoryId && kind !== "complaint")
    errors[BLOCK_IDS.reasonCategory] = t("form.errors.categoryNotComplaint");
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const parsed = LogFormValuesSchema.safeParse({
    customer,
    kind,
    channel: field(BLOCK_IDS.channel)?.selected_option?.value,
    summary,
    outcome: field(BLOCK_IDS.outcome)?.selected_option?.value ?? "pending",
    sentiment: field(BLOCK_IDS.sentiment)?.selected_option?.value ?? null,
    occurredAt,
    followUpInDays: days,
    reasonCategoryId,
    escalate: (field(BLOCK_IDS.escalate)?.selected_options ?? []).some((o) => o.value === "yes"),
  });
  if (!parsed.success) {
    // Only a forged or stale payload gets here: the form offers no other values.
    const block = String(parsed.error.issues[0]?.path[0] ?? BLOCK_IDS.summary);
    return { ok: false, errors: { [block in BLOCK_IDS ? block : BLOCK_IDS.summary]: t("errors.badPayload") } };
  }
  return { ok: true, values: parsed.data };
}
