import type { Kind } from "../interactions/vocabulary.js";
import type { Severity } from "./escalation.types.js";

export interface RoutingRule {
  id: string;
  teamId: string | null;
  kind: Kind | null;
  severity: Severity | null;
  tier: string | null;
  channelId: string;
}

export interface RoutingInput {
  teamId: string | null;
  kind: Kind;
  severity: Severity;
  tier: string | null;
}

/**
 * The rule that matches and says the most (team, kind, severity, tier each
 * count); ties go to the rule made first. A rule's empty field matches anything.
 */
export function pickRoute(rules: RoutingRule[], input: RoutingInput): RoutingRule | undefined {
  let best: { rule: RoutingRule; score: number } | undefined;
  for (const rule of rules) {
    const checks: Array<[unknown, unknown]> = [
      [rule.teamId, input.teamId],
      [rule.kind, input.kind],
      [rule.severity, input.severity],
      [rule.tier?.toLowerCase() ?? null, input.tier?.toLowerCase() ?? null],
    ];
    if (checks.some(([want, have]) => want !== null && want !== have)) continue;
    const score = checks.filter(([want]) => want !== null).length;
    if (!best || score > best.score) best = { rule, score };
  }
  return best?.rule;
}
