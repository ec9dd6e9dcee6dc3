import type { PersonRef } from "../escalations/escalation.types.js";
import type { FollowUpDetails } from "./follow-up.types.js";

/** What follow-ups need said to people; the Slack layer implements it. Methods throw when Slack did not take the message. */
export interface FollowUpNotifier {
  /** The DM to the assignee when it is due; returns where it went, so it can update itself. */
  deliver(followUp: FollowUpDetails): Promise<{ channelId: string; ts: string }>;
  /** Once a working day while it stays overdue. */
  remind(followUp: FollowUpDetails): Promise<void>;
  tellManagers(followUp: FollowUpDetails, managers: PersonRef[], daysOverdue: number): Promise<void>;
  /** The DM shows it is done, snoozed or handed on, instead of nagging. */
  settle(followUp: FollowUpDetails, how: "done" | "snoozed" | "reassigned"): Promise<void>;
}
