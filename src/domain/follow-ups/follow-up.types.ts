import type { PersonRef } from "../escalations/escalation.types.js";
import type { Kind } from "../interactions/vocabulary.js";

export const FOLLOW_UP_OUTCOMES = ["satisfied", "not_satisfied", "no_answer"] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

export const SNOOZES = ["hour", "tomorrow", "next_week"] as const;
export type Snooze = (typeof SNOOZES)[number];

/** Everything a follow-up DM shows, and what deciding when to send it needs. */
export interface FollowUpDetails {
  id: string;
  workspaceId: string;
  status: "pending" | "done" | "cancelled";
  note: string;
  dueAt: Date;
  notifiedAt: Date | null;
  lastRemindedAt: Date | null;
  managerToldAt: Date | null;
  outcome: string | null;
  dmChannelId: string | null;
  dmTs: string | null;
  /** Who got its DM while the assignee was away, if anyone. */
  coverId: string | null;
  interactionId: string | null;
  escalationId: string | null;
  customer: { id: string; name: string };
  assignee: PersonRef & {
    timeZone: string | null;
    teamId: string | null;
    workDayStart: number | null;
    workDayEnd: number | null;
  };
  recent: Array<{ kind: Kind; summary: string; occurredAt: Date }>;
}
