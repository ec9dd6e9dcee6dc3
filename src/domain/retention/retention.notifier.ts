import type { PersonRef } from "../escalations/escalation.types.js";
import type { Attempt } from "../outbound.js";
import type { ConditionRow } from "./retention.repository.js";

/** The nudge about a customer who crossed a retention threshold; the Slack layer implements it. Throws when Slack did not take it. */
export interface RetentionNotifier {
  /** `coverFor`: the owner this nudge came instead of, away until then (YYYY-MM-DD). */
  nudge(
    row: ConditionRow,
    recipient: PersonRef,
    attempt: Attempt,
    coverFor?: { owner: PersonRef; awayUntil: string } | null,
  ): Promise<void>;
}
