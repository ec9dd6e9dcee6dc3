import type { HomeView, KnownBlock } from "@slack/types";
import type { Absence } from "../../domain/absences/absence.types.js";
import type { HomeEscalation, Listed } from "../../domain/reports/home.repository.js";
import type { HomeData } from "../../domain/reports/home.service.js";
import type { WorkspaceSettings } from "../../domain/workspace-settings/settings.types.js";
import { formatDay, type Translate } from "../../i18n/i18n.js";
import { verbatim } from "../../i18n/verbatim.js";
import { slackDate } from "../format.js";
import { ACTIONS } from "../ids.js";
import { escapeMrkdwn, fitMrkdwn, mrkdwnText, shorten } from "../mrkdwn.js";
import { absenceLine } from "./absence-list.view.js";
import { tokenLine, webhookLine } from "./api-tokens.view.js";
import { complaintReasonLines } from "./complaint-report.js";
import { deadlinesMet, targetLine } from "./digest.view.js";
import { buildHelpMessage } from "./help.view.js";
import { buildLanguageOffer, type LanguageOffer } from "./language-offer.view.js";
import { count, percentOf, share } from "./report-format.js";
import { buildSettingsSummary } from "./settings.view.js";

const section = (text: string): KnownBlock => ({
  type: "section",
  text: { type: "mrkdwn", text: fitMrkdwn(text, 3_000) },
});
const header = (text: string): KnownBlock => ({
  type: "header",
  text: { type: "plain_text", text: shorten(text, 150) },
});

function more(t: Translate, listed: Listed<unknown>): string[] {
  return listed.total > listed.items.length
    ? [t("home.more", { number: count(t, listed.total - listed.items.length) })]
    : [];
}

function escalationLines(t: Translate, listed: Listed<HomeEscalation>): string {
  return [
    ...listed.items.map(
      (e) =>
        `• *${mrkdwnText(e.customerName, 80)}*: ${mrkdwnText(e.reason, 120)} · ${t(`home.status.${e.status === "claimed" ? "claimed" : "open"}`)} · ${t("home.due", { date: slackDate(e.dueAt) })}`,
    ),
    ...more(t, listed),
  ].join("\n");
}

/** Their own absence, with a button to mark one (or change it) and, when there is one, to end it. */
function myAbsenceBlocks(t: Translate, absence: Absence | null): KnownBlock[] {
  const button = (actionId: string, key: string) => ({
    type: "button" as const,
    action_id: actionId,
    text: { type: "plain_text" as const, text: shorten(t(key), 75) },
  });
  return [
    ...(absence
      ? [
          section(
            t("home.myAbsence", { from: formatDay(t, absence.startsOn), to: formatDay(t, absence.endsOn) }) +
              (absence.note ? ` · ${mrkdwnText(absence.note, 200)}` : ""),
          ),
        ]
      : []),
    {
      type: "actions",
      elements: [
        button(ACTIONS.awayOpenForm, absence ? "home.awayChange" : "home.awayMark"),
        ...(absence ? [button(ACTIONS.awayBack, "home.awayBack")] : []),
      ],
    },
  ];
}

/** The App Home tab, per role: what is the person's to do, their figures, then what the app does. */
export function buildHomeView(
  t: Translate,
  data?: HomeData,
  settings?: WorkspaceSettings,
  languageOffer?: LanguageOffer,
): HomeView {
  const blocks: KnownBlock[] = languageOffer ? buildLanguageOffer(t, languageOffer) : [];
  if (data) {
    blocks.push(header(t("home.title")));
    blocks.push(
      section(
        data.followUps.items.length === 0
          ? t("home.noFollowUps")
          : [
              t("home.followUps"),
              ...data.followUps.items.map(
                (f) =>
                  `• *${mrkdwnText(f.customerName, 80)}*: ${mrkdwnText(f.note, 120)} · ${t("home.due", { date: slackDate(f.dueAt) })}${
                    f.coveringFor ? ` · ${t("home.coveringFor", { person: verbatim(`<@${f.coveringFor}>`) })}` : ""
                  }`,
              ),
              ...more(t, data.followUps),
            ].join("\n"),
      ),
      section(
        data.escalations.items.length === 0
          ? t("home.noEscalations")
          : `${t("home.escalations")}\n${escalationLines(t, data.escalations)}`,
      ),
      ...myAbsenceBlocks(t, data.myAbsence),
    );
    if (data.queue) {
      blocks.push(
        { type: "divider" },
        section(
          data.queue.items.length === 0
            ? t("home.queueEmpty")
            : `${data.teamName ? t("home.queueTeam", { team: escapeMrkdwn(data.teamName) }) : t("home.queueAll")}\n${escalationLines(t, data.queue)}`,
        ),
      );
    }
    if (data.breachingSoon && data.breachingSoon.items.length > 0) {
      blocks.push(section(`${t("home.breachingSoon")}\n${escalationLines(t, data.breachingSoon)}`));
    }
    if (data.week) {
      const w = data.week;
      blocks.push(
        { type: "divider" },
        section(data.teamName ? t("home.weekTeam", { team: escapeMrkdwn(data.teamName) }) : t("home.weekAll")),
        {
          type: "section",
          fields: [
            t("digest.interactions", { number: count(t, w.volume.total), change: "" }),
            t("digest.complaints", { number: count(t, w.volume.complaints), change: "" }),
            t("digest.opened", { number: count(t, w.escalations.opened) }),
            t("digest.breaches", { number: count(t, w.escalations.breaches) }),
            ...(w.escalations.deadlinesDue > 0 ? [deadlinesMet(t, w.escalations)] : []),
            t("digest.onTime", {
              number: count(t, w.followUps.onTime),
              share: share(t, percentOf(w.followUps.onTime, w.followUps.due)),
            }),
            t("digest.stillOpen", { number: count(t, w.followUps.open) }),
          ].map((text) => ({ type: "mrkdwn" as const, text })),
        },
        ...(w.reasonCategories.length > 0 || w.rootCauses.length > 0
          ? [section(complaintReasonLines(t, w.reasonCategories, w.rootCauses).join("\n"))]
          : []),
      );
    }
    if (data.targets) {
      blocks.push(
        section(
          [
            t("digest.targets"),
            ...(data.targets.length ? data.targets.map((x) => targetLine(t, x)) : [t("target.none")]),
          ].join("\n"),
        ),
      );
    }
    if (data.away && data.away.length > 0) {
      blocks.push(section([t("home.away"), ...data.away.map((a) => absenceLine(t, a))].join("\n")));
    }
    if (data.role === "admin") {
      blocks.push({
        type: "actions",
        elements: [
          { type: "button", action_id: ACTIONS.importOpen, text: { type: "plain_text", text: t("import.open") } },
        ],
      });
    }
    if (data.apiTokens && data.apiTokens.length > 0) {
      blocks.push(
        section(
          fitMrkdwn(
            [t("api.listTitle"), ...data.apiTokens.map((token) => `• ${tokenLine(t, token)}`)].join("\n"),
            3_000,
          ),
        ),
      );
    }
    if (data.webhooks && data.webhooks.length > 0) {
      blocks.push(
        section(
          fitMrkdwn(
            [t("webhook.listTitle"), ...data.webhooks.map((hook) => `• ${webhookLine(t, hook)}`)].join("\n"),
            3_000,
          ),
        ),
      );
    }
    if (data.campaigns && data.campaigns.length > 0) {
      blocks.push(
        section(
          [
            t("home.campaigns"),
            ...data.campaigns.map((c) =>
              t("home.campaignLine", {
                name: mrkdwnText(c.name, 80),
                handedOut: count(t, c.handedOut),
                contacted: count(t, c.contacted),
                wonBack: count(t, c.wonBack),
                date: slackDate(c.endsAt, "date"),
              }),
            ),
          ].join("\n"),
        ),
      );
    }
    blocks.push({ type: "divider" });
  }
  blocks.push(...buildHelpMessage(t).blocks);
  if (settings) blocks.push({ type: "divider" }, ...buildSettingsSummary(t, settings).blocks);
  return { type: "home", blocks: blocks.slice(0, 100) };
}
