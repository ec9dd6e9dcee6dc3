import type { PersonRef } from "../escalations/escalation.types.js";
import type { Attempt, Posted } from "../outbound.js";
import type { FollowUpDetails } from "./follow-up.types.js";

/**
 * What follow-ups need said to people; the Slack layer implements it. Methods
 * throw when Slack did not take the message, and after an uncertain attempt
 * (`attempt.unsureSince`) look for its message before posting again.
 */
/** Someone receiving a follow-up while its assignee is away (their last day away, YYYY-MM-DD). */
export interface Cover {
  person: PersonRef;
  awayUntil: string;
}

export interface FollowUpNotifier {
  /**
   * The DM to the assignee when it is due, or to `cover` while they are away; returns where it
   * went, so it can update itself.
   */
  deliver(followUp: FollowUpDetails, attempt: Attempt, cover?: Cover | null): Promise<Posted>;
  /**
   * Its DM anew, to whoever holds it now (`cover` while the assignee is away, else the assignee)
   * when the DM was with someone else: they went away, or came back. Returns where it went.
   */
  handOver(followUp: FollowUpDetails, attempt: Attempt, cover?: Cover | null): Promise<Posted>;
  /** Once a working day while it stays overdue, in the DM's thread (with whoever got the DM). */
  remind(followUp: FollowUpDetails, attempt: Attempt, cover?: Cover | null): Promise<void>;
  tellManagers(followUp: FollowUpDetails, managers: PersonRef[], daysOverdue: number, attempt: Attempt): Promise<void>;
  /** The DM shows it is done, snoozed or handed on, instead of nagging. */
  settle(followUp: FollowUpDetails, how: "done" | "snoozed" | "reassigned"): Promise<void>;
}
