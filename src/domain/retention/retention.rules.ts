// Which customers need attention, and why — every score comes with its reasons,
// so the people nudged can see what the app saw.

export type Condition = "lapsed" | "at_risk";

export type Reason =
  | { code: "silentDays"; days: number }
  | {
      code: "complaints";
      count: number;
      windowDays: number;
      /** Counted only within one category (a default's key, or an admin's name). */
      category?: { key: string | null; name: string | null };
    }
  | { code: "openEscalations"; count: number }
  | { code: "negativeSentiment" };

export interface CustomerStats {
  customerId: string;
  interactions: number;
  lastInteractionAt: Date | null;
  complaintsInWindow: number;
  /** The most complaints in the window about one thing (their root cause, else their category). */
  sameCategory: { count: number; key: string | null; name: string | null } | null;
  openEscalations: number;
  lastSentiment: string | null;
  optedOutOfOffers: boolean;
}

export interface Thresholds {
  lapsedDays: number;
  atRiskComplaints: number;
  atRiskWindowDays: number;
  /** Only repeated complaints about the same thing count. */
  atRiskSameCategory: boolean;
}

export interface Finding {
  condition: Condition;
  score: number;
  reasons: Reason[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function evaluate(stats: CustomerStats, thresholds: Thresholds, now: Date): Finding[] {
  const findings: Finding[] = [];
  if (stats.interactions > 0 && stats.lastInteractionAt) {
    const silent = Math.floor((now.getTime() - stats.lastInteractionAt.getTime()) / DAY_MS);
    // Customers who asked not to receive offers are not won back with offers.
    if (silent >= thresholds.lapsedDays && !stats.optedOutOfOffers) {
      findings.push({
        condition: "lapsed",
        score: Math.min(100, Math.round((silent / thresholds.lapsedDays) * 50)),
        reasons: [{ code: "silentDays", days: silent }],
      });
    }
  }
  const reasons: Reason[] = [];
  let score = 0;
  const same = stats.sameCategory;
  if (thresholds.atRiskSameCategory) {
    if (same && same.count >= thresholds.atRiskComplaints) {
      const category = { key: same.key, name: same.name };
      reasons.push({ code: "complaints", count: same.count, windowDays: thresholds.atRiskWindowDays, category });
      score += 20 * same.count;
    }
  } else if (stats.complaintsInWindow >= thresholds.atRiskComplaints) {
    reasons.push({ code: "complaints", count: stats.complaintsInWindow, windowDays: thresholds.atRiskWindowDays });
    score += 20 * stats.complaintsInWindow;
  }
  if (stats.openEscalations > 0) {
    reasons.push({ code: "openEscalations", count: stats.openEscalations });
    score += 30 * stats.openEscalations;
  }
  if (stats.lastSentiment === "negative") {
    reasons.push({ code: "negativeSentiment" });
    score += 20;
  }
  if (reasons.length > 0) findings.push({ condition: "at_risk", score: Math.min(100, score), reasons });
  return findings;
}
