// Every command, callback, action and block ID the app uses, in one place.
// manifest.yml declares the same surface; test/slack/manifest.test.ts keeps them in step.

export const COMMANDS = {
  rapport: "/rapport",
} as const;

export const EVENTS = {
  appHomeOpened: "app_home_opened",
  directMessage: "message.im",
  channelMessage: "message.channels",
  privateChannelMessage: "message.groups",
  userChange: "user_change",
} as const;

export const SHORTCUTS = {
  logMessage: "log_message_as_interaction",
  logInteraction: "log_interaction",
} as const;

export const CALLBACKS = {
  logForm: "log_interaction_form",
  followUpForm: "follow_up_form",
  escalateForm: "escalate_form",
  decisionNote: "escalation_decision_note",
  reassignForm: "escalation_reassign",
  followUpDone: "follow_up_done",
  followUpReassign: "follow_up_reassign",
  reopenEscalation: "follow_up_reopen",
  campaignForm: "campaign_form",
  awayForm: "away_form",
  rootCauseForm: "root_cause_form",
  importForm: "import_form",
} as const;

export const ACTIONS = {
  customerSelect: "customer_select",
  chooseLanguage: "language_choose",
  keepLanguage: "language_keep",
  undo: "interaction_undo",
  edit: "interaction_edit",
  addFollowUp: "interaction_add_follow_up",
  interactionMenu: "interaction_menu",
  openForm: "draft_open_form",
  logDraft: "draft_log",
  pickCustomer: "draft_pick_customer",
  createCustomer: "draft_create_customer",
  timelinePage: "customer_timeline_page",
  escalate: "interaction_escalate",
  claim: "escalation_claim",
  approve: "escalation_approve",
  reject: "escalation_reject",
  reassign: "escalation_reassign",
  resolve: "escalation_resolve",
  cancel: "escalation_cancel",
  followUpDone: "follow_up_done",
  followUpSnooze: "follow_up_snooze",
  followUpSnoozeDate: "follow_up_snooze_date",
  followUpReassign: "follow_up_reassign",
  retentionOutreach: "retention_outreach",
  retentionOffer: "retention_offer",
  retentionSnooze: "retention_snooze",
  retentionChurned: "retention_churned",
  outreachContacted: "outreach_contacted",
  outreachAccepted: "outreach_accepted",
  outreachDeclined: "outreach_declined",
  campaignStop: "campaign_stop",
  awayHintAccept: "away_hint_accept",
  awayHintDismiss: "away_hint_dismiss",
  awayOpenForm: "away_open_form",
  awayBack: "away_back",
  fileUnder: "interaction_file_under",
  fileUnderSuggested: "interaction_file_suggested",
  resolveComplaint: "interaction_resolve",
  rootCause: "escalation_root_cause",
  importOpen: "import_open",
  importConfirm: "import_confirm",
  importStop: "import_stop",
} as const;

export const BLOCK_IDS = {
  reasonCategory: "reason_category",
  rootCause: "root_cause",
  rootCauseNote: "root_cause_note",
  cardCategory: "interaction_category",
  importFile: "import_file",
  importActions: "import_actions",
  awayFrom: "away_from",
  awayTo: "away_to",
  awayNote: "away_note",
  awayCover: "away_cover",
  helpCommands: "help_commands",
  customer: "customer",
  kind: "kind",
  channel: "channel",
  summary: "summary",
  outcome: "outcome",
  sentiment: "sentiment",
  occurredAt: "occurred_at",
  followUpDays: "follow_up_days",
  followUpNote: "follow_up_note",
  cardActions: "interaction_actions",
  escalate: "escalate",
  reason: "reason",
  severity: "severity",
  requestedAction: "requested_action",
  amount: "amount",
  escalationNote: "escalation_note",
  decisionNote: "decision_note",
  assignee: "assignee",
  escalationActions: "escalation_actions",
  followUpOutcome: "follow_up_outcome",
  followUpOutcomeNote: "follow_up_outcome_note",
  campaignName: "campaign_name",
  campaignOffer: "campaign_offer",
  campaignSegment: "campaign_segment",
  campaignTag: "campaign_tag",
  campaignTeam: "campaign_team",
  campaignStarts: "campaign_starts",
  campaignEnds: "campaign_ends",
  outreachActions: "outreach_actions",
} as const;

/** The metadata event type on a win-back nudge: how a later attempt finds an earlier one's message. */
export const OUTREACH_EVENT = "rapport_outreach";

/** Each input's action_id is its block_id with this suffix. */
export const inputAction = (blockId: string) => `${blockId}_input`;
