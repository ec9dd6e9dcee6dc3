import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { ACTIONS } from "../../ids.js";
import { awayBackAction, awayOpenFormAction } from "./away.actions.js";
import { awayHintAcceptAction, awayHintDismissAction } from "./away-hint.actions.js";
import { campaignStopAction, outreachResponseAction } from "./campaign.actions.js";
import { createCustomerAction, logDraftAction, openFormAction, pickCustomerAction } from "./draft.actions.js";
import { askAction, decideAction, escalateAction } from "./escalation.actions.js";
import {
  followUpDoneAction,
  followUpReassignAction,
  followUpSnoozeAction,
  followUpSnoozeDateAction,
} from "./follow-up.actions.js";
import { importConfirmAction, importOpenAction, importStopAction } from "./import.actions.js";
import { addFollowUpAction, editAction, interactionMenuAction, undoAction } from "./interaction.actions.js";
import { chooseLanguageAction, keepLanguageAction } from "./language.actions.js";
import { escalationRootCauseAction, fileUnderAction, resolveComplaintAction } from "./reason.actions.js";
import {
  retentionChurnedAction,
  retentionOfferAction,
  retentionOutreachAction,
  retentionSnoozeAction,
} from "./retention.actions.js";
import { timelinePageAction } from "./timeline.actions.js";

const startsWith = (prefix: string) => new RegExp(`^${prefix}(_|$)`);

export function registerActions(app: App, deps: SlackDeps): void {
  app.action(ACTIONS.undo, undoAction(deps));
  app.action(startsWith(ACTIONS.chooseLanguage), chooseLanguageAction(deps));
  app.action(ACTIONS.keepLanguage, keepLanguageAction(deps));
  app.action(ACTIONS.edit, editAction(deps));
  app.action(ACTIONS.addFollowUp, addFollowUpAction(deps));
  app.action(ACTIONS.interactionMenu, interactionMenuAction(deps));
  app.action(ACTIONS.openForm, openFormAction(deps));
  app.action(ACTIONS.logDraft, logDraftAction(deps));
  app.action(startsWith(ACTIONS.pickCustomer), pickCustomerAction(deps));
  app.action(ACTIONS.createCustomer, createCustomerAction(deps));
  app.action(startsWith(ACTIONS.timelinePage), timelinePageAction(deps));
  app.action(ACTIONS.escalate, escalateAction(deps));
  app.action(ACTIONS.claim, decideAction(deps, "claim"));
  app.action(ACTIONS.resolve, decideAction(deps, "resolve"));
  app.action(ACTIONS.cancel, decideAction(deps, "cancel"));
  app.action(ACTIONS.followUpDone, followUpDoneAction(deps));
  app.action(ACTIONS.retentionOutreach, retentionOutreachAction(deps));
  app.action(ACTIONS.retentionOffer, retentionOfferAction(deps));
  app.action(ACTIONS.retentionSnooze, retentionSnoozeAction(deps));
  app.action(ACTIONS.retentionChurned, retentionChurnedAction(deps));
  app.action(ACTIONS.followUpReassign, followUpReassignAction(deps));
  app.action(ACTIONS.outreachContacted, outreachResponseAction(deps, "contacted"));
  app.action(ACTIONS.outreachAccepted, outreachResponseAction(deps, "accepted"));
  app.action(ACTIONS.outreachDeclined, outreachResponseAction(deps, "declined"));
  app.action(ACTIONS.campaignStop, campaignStopAction(deps));
  app.action(ACTIONS.followUpSnooze, followUpSnoozeAction(deps));
  app.action(startsWith(ACTIONS.followUpSnoozeDate), followUpSnoozeDateAction(deps));
  app.action(ACTIONS.approve, askAction(deps, "approve"));
  app.action(ACTIONS.reject, askAction(deps, "reject"));
  app.action(ACTIONS.reassign, askAction(deps, "reassign"));
  app.action(ACTIONS.awayHintAccept, awayHintAcceptAction(deps));
  app.action(ACTIONS.awayHintDismiss, awayHintDismissAction());
  app.action(ACTIONS.awayOpenForm, awayOpenFormAction(deps));
  app.action(ACTIONS.awayBack, awayBackAction(deps));
  app.action(ACTIONS.fileUnder, fileUnderAction(deps));
  app.action(ACTIONS.fileUnderSuggested, fileUnderAction(deps));
  app.action(ACTIONS.resolveComplaint, resolveComplaintAction(deps));
  app.action(ACTIONS.rootCause, escalationRootCauseAction(deps));
  app.action(ACTIONS.importOpen, importOpenAction(deps));
  app.action(startsWith(ACTIONS.importConfirm), importConfirmAction(deps));
  app.action(ACTIONS.importStop, importStopAction(deps));
}
