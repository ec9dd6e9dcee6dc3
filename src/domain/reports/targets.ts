// What a director can set a target for, and how each one's actual is read from the figures.
import type { ReportFigures } from "./report.types.js";

export const METRICS = [
  "follow_up_completion",
  "first_contact_resolution",
  "time_to_decision",
  "complaint_rate",
] as const;
export type Metric = (typeof METRICS)[number];

interface MetricRule {
  unit: "percent" | "hours";
  /** Whether a bigger actual is the better one. */
  higherIsBetter: boolean;
  max: number;
  actual(figures: ReportFigures): number | null;
}

const percent = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);

export const METRIC_RULES: Record<Metric, MetricRule> = {
  follow_up_completion: {
    unit: "percent",
    higherIsBetter: true,
    max: 100,
    actual: (f) => percent(f.followUps.onTime, f.followUps.due),
  },
  first_contact_resolution: {
    unit: "percent",
    higherIsBetter: true,
    max: 100,
    actual: (f) => percent(f.volume.resolved, f.volume.total),
  },
  time_to_decision: {
    unit: "hours",
    higherIsBetter: false,
    max: 24 * 365,
    actual: (f) => f.escalations.medianDecisionHours,
  },
  complaint_rate: {
    unit: "percent",
    higherIsBetter: false,
    max: 100,
    actual: (f) => percent(f.volume.complaints, f.volume.total),
  },
};

export interface Target {
  metric: Metric;
  value: number;
}

export interface TargetProgress extends Target {
  actual: number | null;
  /** Undefined while there is nothing to measure yet. */
  met: boolean | undefined;
}

export function progressAgainst(targets: Target[], figures: ReportFigures): TargetProgress[] {
  return targets.map((target) => {
    const rule = METRIC_RULES[target.metric];
    const actual = rule.actual(figures);
    const met = actual === null ? undefined : rule.higherIsBetter ? actual >= target.value : actual <= target.value;
    return { ...target, actual, met };
  });
}

/** `90%`, `90`, `4h`, `4.5`: the number, if it fits the metric. */
export function parseTargetValue(metric: Metric, text: string): number | undefined {
  const rule = METRIC_RULES[metric];
  const match =
    rule.unit === "percent"
      ? /^(\d{1,3}(?:[.,]\d{1,2})?)\s*%?$/.exec(text.trim())
      : /^(\d{1,4}(?:[.,]\d{1,2})?)\s*h?$/i.exec(text.trim());
  const value = match?.[1] ? Number(match[1].replace(",", ".")) : Number.NaN;
  return value >= 0 && value <= rule.max ? value : undefined;
}

/** `follow-up-completion`, `Follow_Up_Completion` → the metric. */
export function metricNamed(word: string): Metric | undefined {
  const name = word.trim().toLowerCase().replaceAll("-", "_");
  return (METRICS as readonly string[]).includes(name) ? (name as Metric) : undefined;
}
