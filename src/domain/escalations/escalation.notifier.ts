import type { Attempt } from "../outbound.js";
import type { DecisionEvent, EscalationDetails, PersonRef } from "./escalation.types.js";

/**
 * What the escalation rules need said to people. The Slack layer implements it;
 * the domain never sees Slack. Methods throw when the message could not be sent.
 */
export interface EscalationNotifier {
  /** Posts the card where managers decide; returns where it went. */
  postCard(
    escalation: EscalationDetails,
    channelId: string,
    attempt: Attempt,
  ): Promise<{ channelId: string; ts: string }>;
  updateCard(escalation: EscalationDetails): Promise<void>;
  /** A line in the card's thread, and a DM to the agent who raised it. */
  announce(escalation: EscalationDetails, event: DecisionEvent): Promise<void>;
  /** The agent learns the card could not be posted; admins are alerted. */
  postFailed(escalation: EscalationDetails, reason: string, admins: PersonRef[], retryAt: Date | null): Promise<void>;
  /** The agent learns no managers' channel is set for this escalation; admins are alerted. */
  noRoute(escalation: EscalationDetails, admins: PersonRef[]): Promise<void>;
  /** The deadline passed unclaimed: a reminder in the thread naming the managers. */
  remind(escalation: EscalationDetails, managers: PersonRef[], attempt: Attempt): Promise<void>;
  /**
   * Twice the deadline passed, or every manager of the team is away (`why`): to the director, by
   * DM and in the director's channel.
   */
  handToDirector(
    escalation: EscalationDetails,
    director: PersonRef | null,
    channelId: string | null,
    attempt: Attempt,
    why?: "limit" | "managersAway",
  ): Promise<void>;
}
