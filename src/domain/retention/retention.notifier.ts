import type { PersonRef } from "../escalations/escalation.types.js";
import type { Attempt } from "../outbound.js";
import type { ConditionRow } from "./retention.repository.js";

/** The nudge about a customer who crossed a retention threshold; the Slack layer implements it. Throws when Slack did not take it. */
export interface RetentionNotifier {
  nudge(row: ConditionRow, recipient: PersonRef, attempt: Attempt): Promise<void>;
}
