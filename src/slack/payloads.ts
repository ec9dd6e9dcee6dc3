import { z } from "zod";
import { SUPPORTED_LOCALES } from "../i18n/locales.js";

// What buttons and modals carry between requests. Encoded and decoded through
// these schemas only: a value Slack hands back is checked, never trusted.

export const InteractionRefSchema = z.object({ i: z.uuid() });
/** An import's preview or progress message: Import, Cancel, Stop. */
export const ImportJobRefSchema = z.object({ j: z.uuid(), n: z.literal(true).optional() });
/** A complaint filed under a category from its card. */
export const FileUnderSchema = z.object({ i: z.uuid(), c: z.uuid() });
/** The root-cause form: for a complaint (resolving it) or a decided escalation of one. */
export const RootCauseMetadataSchema = z.object({
  i: z.uuid(),
  e: z.uuid().optional(),
  channelId: z.string().max(32).optional(),
});
export const LanguageChoiceSchema = z.object({ l: z.enum(SUPPORTED_LOCALES) });
export const DraftRefSchema = z.object({ d: z.uuid() });
export const PickCustomerSchema = z.object({ d: z.uuid(), c: z.uuid() });
export const TimelinePageSchema = z.object({ c: z.uuid(), o: z.number().int().min(0).max(1_000_000) });
export const MenuChoiceSchema = z.object({ a: z.enum(["edit", "delete"]), i: z.uuid() });

export const LogFormMetadataSchema = z.object({
  /** The interaction being edited; absent for a new one. */
  interactionId: z.uuid().optional(),
  draftId: z.uuid().optional(),
  /** Where to confirm: the channel the person worked in (a DM when absent). */
  channelId: z.string().max(32).optional(),
  source: z
    .object({
      channelId: z.string().max(32),
      messageTs: z.string().max(32),
      authorSlackId: z.string().max(32).nullable().optional(),
    })
    .optional(),
});

export const EscalationRefSchema = z.object({ e: z.uuid() });
export const DecisionMetadataSchema = z.object({ e: z.uuid(), d: z.enum(["approve", "reject"]) });
export const EscalateMetadataSchema = z.object({ i: z.uuid(), channelId: z.string().max(32).optional() });

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const AwayHintSchema = z.object({ s: Day, e: Day });
export const FollowUpRefSchema = z.object({ f: z.uuid() });
export const SnoozeChoiceSchema = z.object({ f: z.uuid(), s: z.enum(["hour", "tomorrow", "next_week"]) });

export const ConditionRefSchema = z.object({ c: z.uuid() });
export const OutreachRefSchema = z.object({ o: z.uuid() });
export const CampaignRefSchema = z.object({ c: z.uuid() });
export const CampaignFormMetadataSchema = z.object({ tz: z.string().max(64) });

export const FollowUpMetadataSchema = z.object({ i: z.uuid(), channelId: z.string().max(32).optional() });

export type LogFormMetadata = z.infer<typeof LogFormMetadataSchema>;

export class BadPayloadError extends Error {
  override name = "BadPayloadError";
}

export function encode<T>(schema: z.ZodType<T>, value: T): string {
  return JSON.stringify(schema.parse(value));
}

export function decode<T>(schema: z.ZodType<T>, text: string | undefined): T {
  try {
    return schema.parse(JSON.parse(text ?? ""));
  } catch (error) {
    throw new BadPayloadError("a button or form carried data that does not match its schema", { cause: error });
  }
}
