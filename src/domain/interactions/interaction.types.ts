import type { NewCustomer } from "../customers/customer.types.js";
import type { Channel, Kind, Outcome, Sentiment } from "./vocabulary.js";

export interface Interaction {
  id: string;
  workspaceId: string;
  customerId: string;
  customerName: string;
  authorId: string;
  authorSlackUserId: string;
  kind: Kind;
  channel: Channel;
  summary: string;
  outcome: Outcome;
  sentiment: Sentiment | null;
  occurredAt: Date;
  createdAt: Date;
  deletedAt: Date | null;
  sourcePermalink: string | null;
  sourceChannelId: string | null;
  sourceMessageTs: string | null;
  /** Logged by the app from an intake channel: anyone may correct it. */
  fromIntake: boolean;
  /** A complaint's category, and what was really behind it once found (null: none yet). */
  reasonCategoryId: string | null;
  rootCauseCategoryId: string | null;
  rootCauseNote: string | null;
}

export interface InteractionSource {
  channelId: string;
  messageTs: string;
  permalink?: string | null;
  authorSlackId?: string | null;
}

export interface LogInteraction {
  workspaceId: string;
  authorId: string;
  customer: { id: string } | { create: NewCustomer };
  kind: Kind;
  channel: Channel;
  summary: string;
  outcome: Outcome;
  sentiment?: Sentiment | null;
  occurredAt: Date;
  followUpInDays?: number | null;
  source?: InteractionSource | null;
  /** The Slack request that asked for it: a repeat with the same key finds the first. */
  requestKey?: string | null;
  /** From another system (the API): a call's length in seconds, and that system's reference. */
  durationSeconds?: number | null;
  sourceRef?: string | null;
  /** A complaint's category (one of the workspace's in use). */
  reasonCategoryId?: string | null;
}

export interface InteractionChanges {
  kind?: Kind;
  channel?: Channel;
  summary?: string;
  outcome?: Outcome;
  sentiment?: Sentiment | null;
  occurredAt?: Date;
  customerId?: string;
  reasonCategoryId?: string | null;
}

/** What was really behind a complaint: a category (may differ from the first), a note, or both. */
export interface RootCause {
  categoryId: string | null;
  note: string | null;
}

/** What the next person talking to this customer should know. */
export interface CustomerContext {
  recentComplaints: number;
  openEscalations: number;
  followUpsDue: number;
  nextFollowUpAt: Date | null;
}

export type TimelineEntry =
  | {
      type: "interaction";
      id: string;
      at: Date;
      kind: Kind;
      channel: Channel;
      summary: string;
      outcome: Outcome;
      author: string | null;
      authorId: string;
      fromIntake: boolean;
      /** Whether the person looking may edit or delete it (set by the service for that person). */
      changeable?: boolean;
    }
  | { type: "escalation"; id: string; at: Date; status: string; severity: string; reason: string }
  | { type: "followUp"; id: string; at: Date; status: string; note: string; assignee: string | null };
