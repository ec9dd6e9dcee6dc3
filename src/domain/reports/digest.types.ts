import type { Kind } from "../interactions/vocabulary.js";
import type { CategoryCount, PersonFigures, RecoveryCount, ReportFigures } from "./report.types.js";
import type { Period } from "./report-period.js";
import type { TargetProgress } from "./targets.js";

/** A team's line in a workspace digest. */
export interface TeamLine {
  teamId: string;
  name: string;
  interactions: number;
  previousInteractions: number;
  complaints: number;
  followUpsDue: number;
  followUpsOnTime: number;
  /** Escalations of the team whose claim deadline fell in the period, and those answered by it. */
  deadlinesDue: number;
  deadlinesMet: number;
  /** Recovery after the team's complaints, and the period before. */
  recovery: { current: RecoveryCount; previous: RecoveryCount };
}

export interface Digest {
  /** The whole workspace, or one team (a manager's digest). */
  team: { id: string; name: string } | null;
  period: Period;
  timeZone: string;
  figures: ReportFigures;
  targets: TargetProgress[];
  teams: TeamLine[];
  /** Most improved: the biggest rise in interactions logged on the week before. */
  improved: PersonFigures[];
  /** Who may need support: overdue follow-ups now, most first. */
  support: PersonFigures[];
  /** How many more would have been listed under support. */
  moreSupport: number;
  /** Eight weeks of interactions by kind, oldest first (Monday's date, YYYY-MM-DD). */
  weeks: Array<{ monday: string; counts: Partial<Record<Kind, number>> }>;
  /** Nothing logged, raised or due: the digest says so instead of a wall of zeros. */
  quiet: boolean;
}

/** A person's figures next to the median of their team's. */
export interface Review {
  person: PersonFigures;
  period: Period;
  timeZone: string;
  teamName: string | null;
  teamSize: number;
  median: ReviewRates;
  rates: ReviewRates;
  /** Their absences within the period (clipped to it, in their own days), so a quiet week reads fairly. */
  absences: Array<{ startsOn: string; endsOn: string; note: string | null }>;
  /** How many of the period's days they were away. */
  daysAway: number;
  /** Their complaints by category, the root causes they recorded, and recovery after their complaints. */
  reasonCategories: CategoryCount[];
  rootCauses: CategoryCount[];
  recovery: { current: RecoveryCount; previous: RecoveryCount };
}

export interface ReviewRates {
  interactions: number | null;
  complaintsResolvedPct: number | null;
  escalationRatePct: number | null;
  followUpsOnTimePct: number | null;
  satisfiedPct: number | null;
}
