import type { Kind } from "../interactions/vocabulary.js";

export const SEVERITIES = ["low", "normal", "high", "urgent"] as const;
export const REQUESTED_ACTIONS = ["refund", "replacement", "manager_call", "other"] as const;
export const STATUSES = ["open", "claimed", "approved", "rejected", "resolved", "cancelled"] as const;
export const DECISIONS = ["claim", "approve", "reject", "resolve", "cancel", "reassign", "reopen"] as const;

export type Severity = (typeof SEVERITIES)[number];
export type RequestedAction = (typeof REQUESTED_ACTIONS)[number];
export type EscalationStatus = (typeof STATUSES)[number];
export type Decision = (typeof DECISIONS)[number];

/** Which states each decision may start from, and where it leads. */
export const TRANSITIONS: Record<Decision, { from: EscalationStatus[]; to: EscalationStatus | "same" }> = {
  claim: { from: ["open"], to: "claimed" },
  approve: { from: ["open", "claimed"], to: "approved" },
  reject: { from: ["open", "claimed"], to: "rejected" },
  resolve: { from: ["approved", "rejected"], to: "resolved" },
  cancel: { from: ["open"], to: "cancelled" },
  reassign: { from: ["open", "claimed"], to: "claimed" },
  // The customer is still not satisfied: back to the managers, with a fresh time limit.
  reopen: { from: ["approved", "rejected", "resolved"], to: "open" },
};

export interface RaiseEscalation {
  workspaceId: string;
  interactionId: string;
  raisedById: string;
  reason: string;
  severity: Severity;
  requestedAction: RequestedAction;
  amount?: number | null;
  note?: string | null;
  /** The request that raises it (a form's view): the same key twice raises one escalation. */
  requestKey?: string | null;
}

export interface PersonRef {
  id: string;
  slackUserId: string;
  displayName: string | null;
}

/** Everything a card, a reminder or a DM about an escalation shows. */
export interface EscalationDetails {
  id: string;
  workspaceId: string;
  status: EscalationStatus;
  severity: Severity;
  reason: string;
  requestedAction: RequestedAction;
  amount: string | null;
  /** The workspace's currency (ISO 4217) for the amount, or null. */
  currency: string | null;
  note: string | null;
  version: number;
  createdAt: Date;
  dueAt: Date;
  handoffAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
  channelId: string | null;
  messageTs: string | null;
  postAttempts: number;
  customer: { id: string; name: string; tier: string | null };
  interaction: { id: string; kind: Kind; summary: string; occurredAt: Date };
  raisedBy: PersonRef;
  claimedBy: PersonRef | null;
  decidedBy: PersonRef | null;
  team: { id: string; name: string; directorId: string | null; directorChannelId: string | null } | null;
  /** The customer's previous complaints and latest interactions, newest first. */
  history: { complaints: number; recent: Array<{ kind: Kind; summary: string; occurredAt: Date }> };
}

export interface DecisionEvent {
  decision: Decision;
  actor: PersonRef;
  note: string | null;
  from: EscalationStatus;
  to: EscalationStatus;
}
