import type { DefaultReason } from "../../domain/reasons/reason.types.js";
import type { CategoryCount, RecoveryCount } from "../../domain/reports/report.types.js";
import type { Translate } from "../../i18n/i18n.js";
import { verbatim } from "../../i18n/verbatim.js";
import { escapeMrkdwn, shorten } from "../mrkdwn.js";
import { reasonName } from "./reasons.view.js";
import { change, count, percentOf, share } from "./report-format.js";

// What complaints were about and whether customers were won back, as the digest, the review and
// the Home tab write it.

/** "Billing *3* ▲ 50 % · Delivery *1* =" */
export function categoryCounts(t: Translate, list: CategoryCount[]): string {
  return list
    .map(
      (c) =>
        `${escapeMrkdwn(shorten(reasonName(t, { key: c.key as DefaultReason | null, name: c.name }), 60))} *${count(t, c.count)}* ${change(t, c.count, c.previous)}`,
    )
    .join(" · ");
}

/** The lines on categories and root causes (none when there is nothing to say). */
export function complaintReasonLines(t: Translate, categories: CategoryCount[], rootCauses: CategoryCount[]): string[] {
  return [
    ...(categories.length > 0 ? [t("digest.byCategory", { categories: verbatim(categoryCounts(t, categories)) })] : []),
    ...(rootCauses.length > 0 ? [t("report.rootCauses", { causes: verbatim(categoryCounts(t, rootCauses)) })] : []),
  ];
}

const rate = (r: RecoveryCount) => percentOf(r.recovered, r.judged);

/** "Won back after a complaint: 60 % (6 of 10) · before: 50 %", or that none could be judged yet. */
export function recoveryLine(t: Translate, recovery: { current: RecoveryCount; previous: RecoveryCount }): string {
  const { current, previous } = recovery;
  if (current.judged === 0) return t("report.recoveryNone");
  return t("report.recovery", {
    share: share(t, rate(current)),
    recovered: count(t, current.recovered),
    judged: count(t, current.judged),
    before: share(t, rate(previous)),
  });
}

/** The short form for a team's line: "won back 60 %". */
export const recoveryShare = (t: Translate, r: RecoveryCount) =>
  t("report.recoveryShort", { share: share(t, rate(r)) });
