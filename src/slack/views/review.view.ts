import type { KnownBlock } from "@slack/types";
import { KINDS } from "../../domain/interactions/vocabulary.js";
import type { Review, ReviewRates } from "../../domain/reports/digest.types.js";
import { formatDay, type Translate } from "../../i18n/i18n.js";
import { verbatim } from "../../i18n/verbatim.js";
import { mention, slackDate } from "../format.js";
import { escapeMrkdwn, fitMrkdwn, mrkdwnText, plainText } from "../mrkdwn.js";
import { complaintReasonLines, recoveryLine } from "./complaint-report.js";
import { count, percentOf, share } from "./report-format.js";

const ROWS: Array<{ key: keyof ReviewRates; label: string; percent: boolean }> = [
  { key: "interactions", label: "review.interactions", percent: false },
  { key: "complaintsResolvedPct", label: "review.complaintsResolved", percent: true },
  { key: "escalationRatePct", label: "review.escalationRate", percent: true },
  { key: "followUpsOnTimePct", label: "review.followUpsOnTime", percent: true },
  { key: "satisfiedPct", label: "review.satisfied", percent: true },
];

const ABSENCES_LISTED = 8;

/** The days they were away in the period, beside their figures, so a quiet week reads fairly. */
function awayContext(t: Translate, review: Review): KnownBlock {
  const listed = review.absences.slice(0, ABSENCES_LISTED).map((a) => {
    const days =
      a.startsOn === a.endsOn ? formatDay(t, a.startsOn) : `${formatDay(t, a.startsOn)} – ${formatDay(t, a.endsOn)}`;
    return a.note ? `${days} (${mrkdwnText(a.note, 80)})` : days;
  });
  const more = review.absences.length - listed.length;
  return {
    type: "context",
    elements: [
      {
        type: "mrkdwn",
        text: t("review.away", {
          days: count(t, review.daysAway),
          list: verbatim([...listed, ...(more > 0 ? [`+${count(t, more)}`] : [])].join(", ")),
        }),
      },
    ],
  };
}

/** A one-on-one review: the person's figures with their team's median beside each. */
export function buildReviewMessage(t: Translate, review: Review): { text: string; blocks: KnownBlock[] } {
  const { person: p, period } = review;
  const title = t("review.title", { period: period.label });
  const show = (value: number | null, percent: boolean) =>
    value === null ? "–" : percent ? share(t, value) : count(t, Math.round(value * 10) / 10);
  const lines = ROWS.map(
    (row) =>
      `${t(row.label)}: *${show(review.rates[row.key], row.percent)}* · ${t("review.median", { value: show(review.median[row.key], row.percent) })}`,
  );
  return {
    text: title,
    blocks: [
      { type: "header", text: { type: "plain_text", text: plainText(title, 150) } },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: t("review.who", {
              person: mention(p.slackUserId),
              team: review.teamName ? escapeMrkdwn(review.teamName) : "–",
              size: count(t, review.teamSize),
              from: slackDate(period.from, "date"),
              to: slackDate(new Date(period.to.getTime() - 1), "date"),
            }),
          },
        ],
      },
      { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: fitMrkdwn(
              [
                ...complaintReasonLines(t, review.reasonCategories, review.rootCauses),
                recoveryLine(t, review.recovery),
              ].join("\n"),
              3_000,
            ),
          },
        ],
      },
      ...(review.daysAway > 0 ? [awayContext(t, review)] : []),
      ...(p.escalationsAnswered > 0
        ? [
            {
              type: "context" as const,
              elements: [
                {
                  type: "mrkdwn" as const,
                  text: t("review.deadlines", {
                    onTime: count(t, p.answeredOnTime),
                    answered: count(t, p.escalationsAnswered),
                    share: share(t, percentOf(p.answeredOnTime, p.escalationsAnswered)),
                  }),
                },
              ],
            },
          ]
        : []),
      {
        type: "section",
        fields: KINDS.map((k) => ({
          type: "mrkdwn" as const,
          text: `${t(`kind.${k}`)}: *${count(t, p.byKind[k] ?? 0)}*`,
        })),
      },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: t("review.details", {
              complaints: count(t, p.complaints),
              resolved: count(t, p.complaintsResolved),
              raised: count(t, p.escalationsRaised),
              due: count(t, p.followUpsDue),
              onTime: count(t, p.followUpsOnTime),
              overdue: count(t, p.overdueNow),
            }),
          },
        ],
      },
    ],
  };
}
