/** The categories every workspace starts with, named in each reader's language until renamed. */
export const DEFAULT_REASONS = [
  "delivery",
  "billing",
  "product_quality",
  "staff_conduct",
  "waiting_time",
  "other",
] as const;
export type DefaultReason = (typeof DEFAULT_REASONS)[number];

export interface ReasonCategory {
  id: string;
  /** A default's key; null for one an admin added. */
  key: DefaultReason | null;
  /** The name an admin gave it; null: a default's name in the reader's language. */
  name: string | null;
  retired: boolean;
}

/** How many categories a workspace may keep (Slack shows at most 100 options). */
export const MAX_REASONS = 50;
