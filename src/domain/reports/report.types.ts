import type { Channel as ContactChannel, Kind as InteractionKind } from "../interactions/vocabulary.js";

/** Whose figures: the whole workspace, or the people of one team. */
export interface ReportScope {
  workspaceId: string;
  teamId?: string | null;
  /** One person's own figures (what they logged), for their review. */
  memberId?: string;
}

export interface Span {
  from: Date;
  to: Date;
}

export interface Volume {
  total: number;
  /** Logged as resolved at the first contact. */
  resolved: number;
  complaints: number;
  byKind: Partial<Record<InteractionKind, number>>;
  byChannel: Partial<Record<ContactChannel, number>>;
}

export interface EscalationFigures {
  opened: number;
  decided: number;
  /** Median hours from raised to decided, of those decided in the period. */
  medianDecisionHours: number | null;
  /** Deadlines in the period that passed before anyone claimed or decided. */
  breaches: number;
  /** Escalations whose claim deadline fell in the period (those not breached were claimed or decided by it). */
  deadlinesDue: number;
  /** Of those, decided by the time they would have gone to the director (twice the severity's limit). */
  decidedOnTime: number;
}

export interface FollowUpFigures {
  due: number;
  /** Done within a day of being due. */
  onTime: number;
  late: number;
  open: number;
  /** Done by the cover of an assignee who was away. */
  byCover: number;
}

/** Complaints filed under one reason category (a default's key, or the name an admin gave it). */
export interface CategoryCount {
  key: string | null;
  name: string | null;
  count: number;
  previous: number;
}

/** Complaints judged (enough time passed) and of those, how many won the customer back. */
export interface RecoveryCount {
  judged: number;
  recovered: number;
}

/** One complaint, and whether the customer was won back after it. */
export interface ComplaintRecovery {
  at: Date;
  state: "recovered" | "notRecovered" | "lost" | "pending";
  /** Its root cause, else its category (a default's key, or an admin's name). */
  category: { key: string | null; name: string | null } | null;
}

export interface RetentionFigures {
  lapsed: number;
  atRisk: number;
  wonBack: number;
}

export interface ReportFigures {
  volume: Volume;
  previousVolume: Volume;
  topReasons: Array<{ reason: string; count: number }>;
  /** Complaints by reason category, with the period before. */
  reasonCategories: CategoryCount[];
  /** Root causes recorded in the period, with the period before. */
  rootCauses: CategoryCount[];
  /** Recovery after complaints, and the period before. */
  recovery: { current: RecoveryCount; previous: RecoveryCount };
  escalations: EscalationFigures;
  followUps: FollowUpFigures;
  retention: RetentionFigures;
}

/** One person's figures for a period: one row of a grouped query. */
export interface PersonFigures {
  memberId: string;
  slackUserId: string;
  teamId: string | null;
  interactions: number;
  previousInteractions: number;
  byKind: Partial<Record<InteractionKind, number>>;
  complaints: number;
  complaintsResolved: number;
  escalationsRaised: number;
  followUpsDue: number;
  followUpsOnTime: number;
  /** Follow-ups of theirs overdue right now. */
  overdueNow: number;
  satisfied: number;
  notSatisfied: number;
  /** Escalations they claimed or decided first whose claim deadline fell in the period… */
  escalationsAnswered: number;
  /** …and of those, answered by the deadline. */
  answeredOnTime: number;
}

export interface WeekKindCount {
  /** Monday of the week, YYYY-MM-DD, in the reader's time zone. */
  week: string;
  kind: InteractionKind;
  count: number;
}
