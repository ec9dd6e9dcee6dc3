import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Campaign, Outreach } from "../../src/domain/campaigns/campaign.types.js";
import type { EscalationDetails } from "../../src/domain/escalations/escalation.types.js";
import type { FollowUpDetails } from "../../src/domain/follow-ups/follow-up.types.js";
import { IMPORT_FIELDS } from "../../src/domain/imports/header-mapping.js";
import type { ImportRow } from "../../src/domain/imports/import-rows.js";
import type { Interaction } from "../../src/domain/interactions/interaction.types.js";
import type { ReasonCategory } from "../../src/domain/reasons/reason.types.js";
import type { Digest, Review } from "../../src/domain/reports/digest.types.js";
import type { HomeData } from "../../src/domain/reports/home.service.js";
import type { PersonFigures } from "../../src/domain/reports/report.types.js";
import type { ConditionRow } from "../../src/domain/retention/retention.repository.js";
import type { WorkspaceSettings } from "../../src/domain/workspace-settings/settings.types.js";
import { createI18n } from "../../src/i18n/i18n.js";
import { SUPPORTED_LOCALES } from "../../src/i18n/locales.js";
import { buildAwayForm } from "../../src/slack/views/away-form.view.js";
import { buildAwayHint } from "../../src/slack/views/away-hint.view.js";
import { buildCampaignForm } from "../../src/slack/views/campaign-form.view.js";
import { buildCampaignNudge } from "../../src/slack/views/campaign-nudge.view.js";
import { buildCampaignProgress } from "../../src/slack/views/campaign-progress.view.js";
import { buildCustomerCard, buildCustomerList } from "../../src/slack/views/customer-card.view.js";
import { buildDigestMessage } from "../../src/slack/views/digest.view.js";
import { buildErrorMessage } from "../../src/slack/views/error.view.js";
import { buildEscalationCard, describeDecision } from "../../src/slack/views/escalation-card.view.js";
import {
  buildDecisionNoteForm,
  buildEscalateForm,
  buildReassignForm,
} from "../../src/slack/views/escalation-forms.view.js";
import {
  buildFollowUpDm,
  buildFollowUpDoneForm,
  buildFollowUpReassignForm,
  buildReopenForm,
} from "../../src/slack/views/follow-up-dm.view.js";
import { buildFollowUpForm } from "../../src/slack/views/follow-up-form.view.js";
import { buildHelpMessage } from "../../src/slack/views/help.view.js";
import { buildHomeView } from "../../src/slack/views/home.view.js";
import {
  buildImportForm,
  buildImportPreview,
  buildImportProgress,
  buildImportResult,
} from "../../src/slack/views/import.view.js";
import { buildInteractionCard, buildRemovedCard } from "../../src/slack/views/interaction-card.view.js";
import { buildLogForm } from "../../src/slack/views/log-form.view.js";
import { buildCustomerChoice, buildDraftCard, buildLogProblem } from "../../src/slack/views/log-problems.view.js";
import { buildPendingCallDm } from "../../src/slack/views/pending-call.view.js";
import { buildRetentionNudge } from "../../src/slack/views/retention-nudge.view.js";
import { buildReviewMessage } from "../../src/slack/views/review.view.js";
import { buildRootCauseForm } from "../../src/slack/views/root-cause-form.view.js";
import { buildSettingsSummary } from "../../src/slack/views/settings.view.js";
import { checkBlocks, checkView, LIMITS } from "../../src/slack-stand-in/limits.js";

// Every view builder, in every language, with the longest realistic values:
// Slack's limits hold, and texts the catalogs provide fit without being cut.

const i18n = await createI18n("en");
const ID = "3f1a9c2e-8b7d-4e6f-a5c4-1d2e3f4a5b6c";
const longName =
  "Maria Fernanda da Conceição Albuquerque Vasconcelos & Filhos — Importação e Exportação Lda. (Filial Norte)".slice(
    0,
    120,
  );
const longText =
  `Cliente <@U123> diz: "<!channel> o pedido #4471 chegou danificado" & pede reembolso. ${"Sehr lange Beschreibung mit vielen Wörtern und Details. ".repeat(60)}`.slice(
    0,
    2000,
  );
const at = new Date("2026-11-24T10:30:00Z");

const interaction: Interaction = {
  id: ID,
  workspaceId: ID,
  customerId: ID,
  customerName: longName,
  authorId: ID,
  authorSlackUserId: "U0AGENT",
  kind: "complaint",
  channel: "in_person",
  summary: longText,
  outcome: "escalated",
  sentiment: "negative",
  occurredAt: at,
  createdAt: at,
  deletedAt: null,
  sourcePermalink: "https://example.slack.com/archives/C1/p1700000000000100",
  sourceChannelId: "C1",
  sourceMessageTs: "1700000000.000100",
  fromIntake: false,
  reasonCategoryId: ID,
  rootCauseCategoryId: ID,
  rootCauseNote: longText.slice(0, 1_000),
};
// An import at its largest: every field mapped from long headers, more skipped and same-name rows
// than are listed, long names, huge counts.
const importRow = (line: number): ImportRow => ({
  line,
  name: longName,
  email: null,
  phone: null,
  externalId: null,
  owner: null,
  tier: null,
  tags: [],
  optedOut: null,
  lastContact: null,
  notes: null,
});
const importJob = {
  id: ID,
  workspaceId: ID,
  requestedById: ID,
  requestedBySlackId: "U0ADMIN",
  fileId: "F1",
  filename: `${longName}.csv`,
  status: "previewed" as const,
  createNamesakes: false,
  dmChannelId: "D1",
  messageTs: "1.1",
  rowsTotal: 99_999,
  rowsDone: 0,
  created: 88_888,
  updated: 11_111,
};
const imported = {
  ok: true as const,
  header: IMPORT_FIELDS.map((f) => `${f} ${longName}`.slice(0, 200)),
  mapping: Object.fromEntries(IMPORT_FIELDS.map((f, i) => [f, i])),
  rejectedCsv: "",
  applied: null,
  plan: {
    creates: Array.from({ length: 3 }, (_, i) => ({ row: importRow(i + 2), fields: {} as never })),
    updates: [],
    unchanged: 77_777,
    sameName: Array.from({ length: 40 }, (_, i) => ({ row: importRow(i + 100), customer: { id: ID, name: longName } })),
    skipped: Array.from({ length: 40 }, (_, i) => ({
      line: 1_000 + i,
      reason: { code: "badEmail" as const, value: longText.slice(0, 100) },
      cells: [],
    })),
    ownersNotFound: Array.from({ length: 5 }, (_, i) => ({ line: i, owner: longName })),
  },
};
// The most categories a workspace keeps in use (50), with the longest names; the last one retired.
const categories: ReasonCategory[] = Array.from({ length: 50 }, (_, i) => ({
  id: i === 0 ? ID : randomUUID(),
  key: null,
  name: `${longName.slice(0, 36)} ${i}`,
  retired: i === 49,
}));
const person = { id: ID, slackUserId: "U0MGR1", displayName: longName };
const escalation: EscalationDetails = {
  id: ID,
  workspaceId: ID,
  status: "claimed",
  severity: "urgent",
  reason: longText,
  requestedAction: "manager_call",
  amount: "123456.78",
  currency: "EUR",
  note: longText,
  version: 3,
  createdAt: at,
  dueAt: at,
  handoffAt: at,
  decidedAt: null,
  decisionNote: longText,
  channelId: "C0MGRS",
  messageTs: "1700000000.000200",
  postAttempts: 1,
  customer: { id: ID, name: longName, tier: "gold" },
  interaction: { id: ID, kind: "complaint", summary: longText, occurredAt: at },
  raisedBy: person,
  claimedBy: person,
  decidedBy: null,
  team: { id: ID, name: longName, directorId: ID, directorChannelId: "C0DIRS" },
  history: {
    complaints: 21,
    recent: Array.from({ length: 5 }, () => ({ kind: "complaint" as const, summary: longText, occurredAt: at })),
  },
};
const settings: WorkspaceSettings = {
  id: ID,
  timeZone: "Asia/Kolkata",
  defaultLocale: "en",
  currency: "BRL",
  businessStart: 540,
  businessEnd: 1080,
  businessDays: [1, 2, 3, 4, 5, 6],
  limits: { low: 1440, normal: 480, high: 240, urgent: 90 },
  atRiskSameCategory: true,
  days: {
    lapsedDays: 3650,
    atRiskComplaints: 100,
    atRiskWindowDays: 365,
    satisfactionDays: 365,
    overdueManagerDays: 365,
  },
  holidays: Array.from({ length: 20 }, (_, i) => `2026-12-${String(i + 1).padStart(2, "0")}`),
  teams: Array.from({ length: 12 }, (_, i) => ({
    id: `${i}`,
    name: `${longName} ${i}`,
    managersChannelId: i % 3 ? "C0MGRS" : null,
    directorId: ID,
    directorSlackId: "U0DIR",
    directorChannelId: "C0DIRS",
    workDayStart: i % 2 ? 480 : null,
    workDayEnd: i % 2 ? 960 : null,
  })),
  routes: Array.from({ length: 12 }, (_, i) => ({
    id: `${i}`,
    teamId: `${i}`,
    kind: "complaint" as const,
    severity: "urgent" as const,
    tier: "gold",
    channelId: "C0URGENT",
  })),
  people: [],
};
const followUp: FollowUpDetails = {
  id: ID,
  workspaceId: ID,
  status: "pending",
  note: longText,
  dueAt: at,
  notifiedAt: at,
  lastRemindedAt: null,
  managerToldAt: null,
  outcome: null,
  dmChannelId: "D1",
  dmTs: "1.1",
  coverId: null,
  interactionId: ID,
  escalationId: ID,
  customer: { id: ID, name: longName },
  assignee: { ...person, timeZone: "Asia/Kolkata", teamId: ID, workDayStart: null, workDayEnd: null },
  recent: Array.from({ length: 3 }, () => ({ kind: "complaint" as const, summary: longText, occurredAt: at })),
};
const condition: ConditionRow = {
  id: ID,
  workspaceId: ID,
  customerId: ID,
  customerName: longName,
  ownerId: null,
  condition: "at_risk",
  score: 100,
  reasons: [
    { code: "complaints", count: 21, windowDays: 30 },
    { code: "openEscalations", count: 11 },
    { code: "negativeSentiment" },
    { code: "silentDays", days: 365 },
  ],
  since: at,
  nudgedAt: null,
  snoozedUntil: null,
  coverId: null,
  teamId: ID,
};
const campaign: Campaign = {
  id: ID,
  workspaceId: ID,
  name: longName.slice(0, 80),
  offer: longText.slice(0, 1000),
  segment: "team",
  tag: null,
  teamId: ID,
  teamName: longName,
  startsAt: at,
  endsAt: at,
  createdById: ID,
  createdBySlackId: "U0MGR",
  populatedAt: at,
  endedAt: null,
  progressChannelId: null,
  progressTs: null,
  progressShown: null,
};
const progress = {
  total: 1_234_567,
  handedOut: 1_234_560,
  waiting: 7,
  contacted: 999_999,
  accepted: 123_456,
  declined: 765_432,
  wonBack: 111_111,
  skipped: 12,
  expired: 3,
};
const outreach: Outreach = {
  id: ID,
  workspaceId: ID,
  campaign: { id: ID, name: campaign.name, offer: campaign.offer, endsAt: at },
  customer: { id: ID, name: longName, optedOutOfOffers: false, active: true },
  recipient: { id: ID, slackUserId: "U0AGENT" },
  attempts: 1,
  unsure: false,
  createdAt: at,
  sentAt: null,
  dmChannelId: null,
  dmTs: null,
  contactedAt: null,
  response: null,
};
const timeline = Array.from({ length: 10 }, (_, i) =>
  i % 3 === 0
    ? { type: "escalation" as const, id: ID, at, status: "open", severity: "urgent", reason: longText }
    : i % 3 === 1
      ? { type: "followUp" as const, id: ID, at, status: "pending", note: longText, assignee: longName }
      : {
          type: "interaction" as const,
          id: ID,
          at,
          kind: "order" as const,
          channel: "social" as const,
          summary: longText,
          outcome: "pending" as const,
          author: longName,
          authorId: ID,
          fromIntake: false,
          changeable: true,
        },
);
const candidates = Array.from({ length: 5 }, (_, i) => ({
  id: ID,
  name: `${longName} ${i}`,
  externalId: "C-1042",
  email: "a.very.long.address@example.com",
  phone: null,
  tier: null,
  status: "active" as const,
  ownerName: null,
}));

// A digest as big as it gets: 40 teams with long names, every list full, every target set.
const personFigures = (i: number): PersonFigures => ({
  memberId: `${i}`,
  slackUserId: `U0PERSON${i}`,
  teamId: null,
  interactions: 1_234_567,
  previousInteractions: 3,
  byKind: { question: 99_999, complaint: 12_345 },
  complaints: 12_345,
  complaintsResolved: 999,
  escalationsRaised: 4_321,
  followUpsDue: 8_888,
  followUpsOnTime: 7_777,
  overdueNow: 555,
  satisfied: 12,
  notSatisfied: 3,
  escalationsAnswered: 9_999,
  answeredOnTime: 8_888,
});
const volume = {
  total: 1_234_567,
  resolved: 999_999,
  complaints: 123_456,
  byKind: { question: 500_000, order: 400_000, complaint: 123_456, feedback: 100_000, other: 111_111 },
  byChannel: { phone: 400_000, in_person: 200_000, email: 300_000, chat: 200_000, social: 100_000, other: 34_567 },
};
const digest: Digest = {
  team: null,
  period: {
    from: at,
    to: new Date(at.getTime() + 7 * 86_400_000),
    previous: { from: at, to: at },
    kind: "week",
    label: "2026-W47",
    partial: true,
  },
  timeZone: "Asia/Kolkata",
  figures: {
    volume,
    previousVolume: { ...volume, total: 1, complaints: 0, byKind: {}, byChannel: {} },
    topReasons: [1, 2, 3].map((i) => ({ reason: `${longText.slice(0, 300)} ${i}`, count: 1_000 * i })),
    reasonCategories: [
      ...["delivery", "billing", "product_quality", "staff_conduct", "waiting_time"].map((key) => ({
        key,
        name: null,
        count: 99_999,
        previous: 1,
      })),
      { key: null, name: longName.slice(0, 40), count: 88_888, previous: 0 },
    ],
    rootCauses: [
      { key: "billing", name: null, count: 77_777, previous: 5 },
      { key: null, name: longName.slice(0, 40), count: 66_666, previous: 0 },
      { key: "other", name: null, count: 55_555, previous: 55_555 },
    ],
    recovery: { current: { judged: 99_999, recovered: 88_888 }, previous: { judged: 77_777, recovered: 11_111 } },
    escalations: {
      opened: 99_999,
      decided: 88_888,
      medianDecisionHours: 1234.56,
      breaches: 777,
      deadlinesDue: 55_555,
      decidedOnTime: 44_444,
    },
    followUps: { due: 99_999, onTime: 88_888, late: 7_777, open: 3_333, byCover: 2_222 },
    retention: { lapsed: 12_345, atRisk: 6_789, wonBack: 1_011 },
  },
  targets: [
    { metric: "follow_up_completion", value: 90, actual: 88.9, met: false },
    { metric: "first_contact_resolution", value: 80, actual: null, met: undefined },
    { metric: "time_to_decision", value: 4, actual: 3.5, met: true },
    { metric: "complaint_rate", value: 5, actual: 10, met: false },
  ],
  teams: Array.from({ length: 40 }, (_, i) => ({
    teamId: `${i}`,
    name: `${longName.slice(0, 60)} ${i}`,
    interactions: 123_456 - i,
    previousInteractions: 100_000,
    complaints: 9_999,
    followUpsDue: 1_000,
    followUpsOnTime: 900,
    deadlinesDue: 99_999,
    deadlinesMet: 88_888,
    recovery: { current: { judged: 9_999, recovered: 8_888 }, previous: { judged: 1, recovered: 0 } },
  })),
  improved: [1, 2, 3].map(personFigures),
  support: [4, 5, 6].map(personFigures),
  moreSupport: 497,
  weeks: Array.from({ length: 8 }, (_, i) => ({ monday: `2026-10-${10 + i}`, counts: { question: i } })),
  quiet: false,
};
const review: Review = {
  person: personFigures(7),
  period: digest.period,
  timeZone: "UTC",
  teamName: longName,
  teamSize: 500,
  reasonCategories: digest.figures.reasonCategories,
  rootCauses: digest.figures.rootCauses,
  recovery: digest.figures.recovery,
  rates: {
    interactions: 1_234_567,
    complaintsResolvedPct: 33.3,
    escalationRatePct: 0.35,
    followUpsOnTimePct: 87.5,
    satisfiedPct: null,
  },
  median: {
    interactions: 1_000.5,
    complaintsResolvedPct: 50,
    escalationRatePct: 1,
    followUpsOnTimePct: 90,
    satisfiedPct: 80,
  },
  // More absences than the review lists, each with the longest note.
  absences: Array.from({ length: 12 }, (_, i) => ({
    startsOn: `2026-11-${String(i + 1).padStart(2, "0")}`,
    endsOn: `2026-11-${String(i + 1).padStart(2, "0")}`,
    note: longText.slice(0, 500),
  })),
  daysAway: 12,
};
const listed = <T>(item: T) => ({ items: Array.from({ length: 10 }, () => item), total: 1_000 });
const homeEscalation = {
  id: ID,
  customerName: longName,
  reason: longText,
  status: "claimed",
  dueAt: at,
  channelId: "C0MGRS",
  messageTs: "1.2",
};
const homeData: HomeData = {
  role: "director",
  followUps: listed({ id: ID, customerName: longName, note: longText, dueAt: at, coveringFor: "U0AWAY" }),
  escalations: listed(homeEscalation),
  myAbsence: {
    id: ID,
    memberId: ID,
    startsOn: "2026-12-24",
    endsOn: "2027-01-02",
    note: longText.slice(0, 500),
    coverId: ID,
    setById: ID,
  },
  queue: listed(homeEscalation),
  breachingSoon: listed(homeEscalation),
  teamName: longName,
  week: digest.figures,
  campaigns: Array.from({ length: 5 }, () => ({
    id: ID,
    name: longName,
    endsAt: at,
    handedOut: 9_999,
    contacted: 8_888,
    wonBack: 777,
  })),
  targets: digest.targets,
  // The most the Home tab lists, each with the longest note an absence keeps.
  away: Array.from({ length: 10 }, () => ({
    id: ID,
    memberId: ID,
    slackUserId: "U0AWAY",
    startsOn: "2026-12-24",
    endsOn: "2027-01-02",
    note: longText.slice(0, 500),
    coverId: ID,
    coverSlackUserId: "U0COVER",
    setById: ID,
    holds: [
      { slackUserId: "U0COVER", followUps: 9_999 },
      { slackUserId: "U0OTHER", followUps: 8_888 },
    ],
  })),
};

function messages(locale: (typeof SUPPORTED_LOCALES)[number]) {
  const t = i18n.translator(locale);
  const context = { recentComplaints: 21, openEscalations: 2, followUpsDue: 11, nextFollowUpAt: at };
  return {
    digest: buildDigestMessage(t, digest, { chartFileId: "F0CHART", late: { dueAt: at } }),
    quietDigest: buildDigestMessage(t, { ...digest, quiet: true }),
    review: buildReviewMessage(t, review),
    pendingCall: buildPendingCallDm(t, interaction, { source: longName, durationSeconds: 86_399 }),
    awayHint: buildAwayHint(t, {
      startsOn: "2026-12-03",
      endsOn: "2027-12-03",
      untilKnown: true,
      shown: `:palm_tree: ${longText.slice(0, 200)}`,
    }),
    help: buildHelpMessage(t),
    interactionCard: buildInteractionCard(t, { interaction, context, canUndo: true, state: "logged" }),
    // A complaint's card at its largest: the most categories a workspace keeps, a suggestion, a root cause.
    complaintCard: buildInteractionCard(t, {
      interaction: { ...interaction, outcome: "pending", reasonCategoryId: null },
      context,
      canUndo: true,
      state: "logged",
      categories,
      suggestion: categories[49] as ReasonCategory,
    }),
    complaintCustomerCard: buildCustomerCard(t, {
      customer: { ...candidates[0], ownerName: longName } as never,
      entries: timeline,
      total: 250,
      offset: 10,
      recovery: (["recovered", "notRecovered", "lost"] as const).map((state, i) => ({
        at,
        state,
        category: i === 2 ? null : { key: null, name: longName.slice(0, 40) },
      })),
    }),
    removedCard: buildRemovedCard(t, interaction, "undone"),
    customerCard: buildCustomerCard(t, {
      customer: { ...candidates[0], ownerName: longName, phone: "+351 912 345 678" } as never,
      entries: timeline,
      total: 250,
      offset: 10,
    }),
    customerList: buildCustomerList(t, longName, candidates),
    logProblem: buildLogProblem(t, t("log.errors.unknownKind", { word: "complant", suggestion: "complaint" }), ID),
    customerChoice: buildCustomerChoice(t, { typed: longName, candidates, draftId: ID, allowCreate: true }),
    draftCard: buildDraftCard(t, {
      draftId: ID,
      customer: longName,
      kind: "order",
      channel: "in_person",
      summary: longText,
      canLog: true,
      intro: t("draft.fromDm"),
    }),
    error: buildErrorMessage(t("errors.unavailable"), t, `/rapport log ${longText}`),
    escalationCard: buildEscalationCard(t, escalation),
    settings: buildSettingsSummary(t, settings),
    followUpDm: buildFollowUpDm(t, followUp),
    followUpDmSettled: buildFollowUpDm(t, followUp, "snoozed"),
    retentionNudge: buildRetentionNudge(t, condition),
    retentionSettled: buildRetentionNudge(t, condition, { how: "snoozed", until: at }),
    campaignNudge: buildCampaignNudge(t, outreach),
    campaignContacted: buildCampaignNudge(t, { ...outreach, response: "contacted" }),
    campaignAccepted: buildCampaignNudge(t, { ...outreach, response: "accepted" }),
    campaignProgress: buildCampaignProgress(t, campaign, progress, at),
    importPreview: buildImportPreview(t, importJob, imported),
    importProgress: buildImportProgress(t, { ...importJob, status: "running", rowsDone: 49_999 }, 0, 3_600_000),
    importResult: buildImportResult(t, { ...importJob, status: "done" }, imported),
    importStopped: buildImportResult(t, { ...importJob, status: "stopped" }, imported),
    campaignEnded: buildCampaignProgress(t, { ...campaign, endedAt: at, segment: "at_risk" }, progress, at),
    decision: {
      text: "",
      blocks: [
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: describeDecision(t, escalation, {
              decision: "approve",
              actor: person,
              note: longText,
              from: "claimed",
              to: "approved",
            }),
          },
        },
      ],
    },
  };
}

function views(locale: (typeof SUPPORTED_LOCALES)[number]) {
  const t = i18n.translator(locale);
  return {
    logForm: buildLogForm(
      t,
      { customer: { newName: longName }, kind: "feedback", channel: "social", summary: longText, sentiment: "neutral" },
      {
        draftId: ID,
        channelId: "C0SUPPORT",
        source: { channelId: "C0SUPPORT", messageTs: "1700000000.000100", authorSlackId: "U0CUSTOMER" },
      },
      new Date("2026-11-20T10:00:00Z"),
    ),
    editForm: buildLogForm(
      t,
      { customer: { id: ID, name: longName } },
      { interactionId: ID, channelId: "C0SUPPORT" },
      new Date("2026-11-20T10:00:00Z"),
    ),
    followUpForm: buildFollowUpForm(t, interaction, "C0SUPPORT"),
    escalateForm: buildEscalateForm(t, interaction, "C0SUPPORT"),
    complaintEscalateForm: buildEscalateForm(
      t,
      { ...interaction, reasonCategoryId: null },
      "C0SUPPORT",
      categories,
      categories[3],
    ),
    complaintLogForm: buildLogForm(
      t,
      { customer: { newName: longName }, kind: "complaint", summary: longText, reasonCategoryId: categories[49]?.id },
      { channelId: "C0SUPPORT" },
      new Date("2026-11-20T10:00:00Z"),
      { categories, suggestion: categories[2] as ReasonCategory },
    ),
    approveComplaintForm: buildDecisionNoteForm(t, ID, "approve", { interaction, categories }),
    resolveComplaintForm: buildRootCauseForm(t, interaction, categories, undefined, "C0SUPPORT"),
    rootCauseForm: buildRootCauseForm(t, interaction, categories, ID, "C0SUPPORT"),
    importForm: buildImportForm(t),
    approveForm: buildDecisionNoteForm(t, ID, "approve"),
    rejectForm: buildDecisionNoteForm(t, ID, "reject"),
    reassignForm: buildReassignForm(t, ID),
    followUpDoneForm: buildFollowUpDoneForm(t, followUp),
    followUpReassignForm: buildFollowUpReassignForm(t, followUp),
    reopenForm: buildReopenForm(t, ID, longName, longText),
    home: buildHomeView(t, undefined, settings),
    fullHome: buildHomeView(t, homeData, settings, {
      current: t.lng,
      guess: "ta",
      names: Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, i18n.translator(l)("language.name")])) as never,
    }),
    agentHome: buildHomeView(t, {
      role: "agent",
      followUps: { items: [], total: 0 },
      escalations: { items: [], total: 0 },
      myAbsence: null,
    }),
    campaignForm: buildCampaignForm(t, {
      teams: Array.from({ length: 12 }, (_, i) => ({ id: `${i}`, name: `Team ${i}` })),
      today: "2026-11-24",
      inAMonth: "2026-12-24",
      timeZone: "America/Argentina/ComodRivadavia",
    }),
    awayForm: buildAwayForm(t, {
      today: "2026-12-03",
      current: { ...(homeData.myAbsence as NonNullable<HomeData["myAbsence"]>) },
      coverSlackUserId: "U0COVER",
    }),
  };
}

/** Texts that come from the catalogs only (titles, buttons, options): they must fit as written. */
function catalogTexts(view: Record<string, unknown>): string[] {
  const texts: string[] = [];
  for (const key of ["title", "submit", "close"]) {
    const value = view[key] as { text?: string } | undefined;
    if (value?.text) texts.push(value.text);
  }
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const element = node as Record<string, unknown>;
    if (
      (element.type === "button" ||
        element.type === "static_select" ||
        element.type === "radio_buttons" ||
        element.type === "checkboxes") &&
      !String(element.action_id ?? "").startsWith("draft_")
    ) {
      if (element.type === "button") texts.push(String((element.text as { text: string }).text));
      for (const option of (element.options as Array<{ text: { text: string } }>) ?? []) texts.push(option.text.text);
    }
    Object.values(element).forEach(visit);
  };
  visit(view.blocks);
  return texts;
}

describe.each(SUPPORTED_LOCALES)("views in %s", (locale) => {
  it("messages keep within Slack's limits (50 blocks, 3,000 per section, 150 per header, 75 per button)", () => {
    for (const [name, message] of Object.entries(messages(locale))) {
      expect({ name, problems: checkBlocks(message.blocks, LIMITS.messageBlocks) }).toEqual({ name, problems: [] });
      expect(message.text.length, name).toBeLessThanOrEqual(LIMITS.messageText);
    }
  });

  it("modals and the home tab keep within Slack's limits (100 blocks, title 24, private_metadata 3,000)", () => {
    for (const [name, view] of Object.entries(views(locale))) {
      expect({ name, problems: checkView(view) }).toEqual({ name, problems: [] });
    }
  });

  it("titles, buttons and options fit as the catalog wrote them: nothing is cut", () => {
    for (const [name, view] of Object.entries({
      ...views(locale),
      card: { blocks: messages(locale).interactionCard.blocks },
      escalation: { blocks: messages(locale).escalationCard.blocks },
      followUpDm: { blocks: messages(locale).followUpDm.blocks },
      retention: { blocks: messages(locale).retentionNudge.blocks },
      campaignNudge: { blocks: messages(locale).campaignNudge.blocks },
    })) {
      const cut = catalogTexts(view as unknown as Record<string, unknown>).filter((text) => text.endsWith("…"));
      expect({ name, cut }).toEqual({ name, cut: [] });
    }
  });

  // Slack writes "(optional)" beside an optional input's label itself: a label that says it too reads
  // "Valor (opcional) (optional)".
  it("labels optional inputs without saying so themselves", () => {
    const said = Object.entries(views(locale)).flatMap(([name, view]) =>
      ((view as unknown as { blocks?: Array<Record<string, unknown>> }).blocks ?? [])
        .filter((block) => block.type === "input" && block.optional === true)
        .map((block) => `${name}: ${(block.label as { text: string }).text}`)
        .filter((label) => /optional|opcional|valinnainen|nav obligāt|वैकल्पिक|விருப்பம்/i.test(label)),
    );
    expect(said).toEqual([]);
  });

  it("shows user text escaped, never as a mention or a link", () => {
    const card = JSON.stringify(messages(locale).interactionCard.blocks);
    expect(card).not.toContain("<!channel>");
    expect(card).not.toContain("<@U123>");
    expect(card).toContain("&lt;!channel&gt;");
  });
});
