import { z } from "zod";
import { CHANNELS, KINDS } from "../interactions/vocabulary.js";

/** What a person typed, kept until it becomes an interaction. Parsed back through this schema, never trusted. */
export const DraftDataSchema = z.object({
  customer: z.string().max(500).optional(),
  customerId: z.string().uuid().optional(),
  kind: z.enum(KINDS).optional(),
  channel: z.enum(CHANNELS).optional(),
  summary: z.string().max(40_000).default(""),
  source: z
    .object({
      channelId: z.string(),
      messageTs: z.string(),
      permalink: z.string().nullable().optional(),
      authorSlackId: z.string().nullable().optional(),
    })
    .optional(),
  /** Where to answer once it is logged (the channel the person worked in). */
  replyChannelId: z.string().optional(),
});

export type DraftData = z.infer<typeof DraftDataSchema>;

export interface Draft {
  id: string;
  memberId: string;
  data: DraftData;
  interactionId: string | null;
}
