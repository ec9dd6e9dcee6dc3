import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { CALLBACKS } from "../../ids.js";
import { awayFormSubmission } from "./away-form.submission.js";
import { campaignFormSubmission } from "./campaign-form.submission.js";
import { decisionNoteSubmission, escalateSubmission, reassignSubmission } from "./escalation.submissions.js";
import { followUpDoneSubmission, followUpReassignSubmission, reopenSubmission } from "./follow-up-dm.submissions.js";
import { followUpFormSubmission } from "./follow-up-form.submission.js";
import { answered } from "./guard.js";
import { importSubmission } from "./import.submission.js";
import { logFormSubmission } from "./log-form.submission.js";
import { rootCauseSubmission } from "./root-cause.submission.js";

export function registerViews(app: App, deps: SlackDeps): void {
  app.view(CALLBACKS.logForm, answered(logFormSubmission(deps)));
  app.view(CALLBACKS.followUpForm, answered(followUpFormSubmission(deps)));
  app.view(CALLBACKS.escalateForm, answered(escalateSubmission(deps)));
  app.view(CALLBACKS.decisionNote, answered(decisionNoteSubmission(deps)));
  app.view(CALLBACKS.reassignForm, answered(reassignSubmission(deps)));
  app.view(CALLBACKS.followUpDone, answered(followUpDoneSubmission(deps)));
  app.view(CALLBACKS.followUpReassign, answered(followUpReassignSubmission(deps)));
  app.view(CALLBACKS.reopenEscalation, answered(reopenSubmission(deps)));
  app.view(CALLBACKS.campaignForm, answered(campaignFormSubmission(deps)));
  app.view(CALLBACKS.awayForm, answered(awayFormSubmission(deps)));
  app.view(CALLBACKS.rootCauseForm, answered(rootCauseSubmission(deps)));
  app.view(CALLBACKS.importForm, answered(importSubmission(deps)));
}
