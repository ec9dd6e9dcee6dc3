import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { CALLBACKS } from "../../ids.js";
import { decisionNoteSubmission, escalateSubmission, reassignSubmission } from "./escalation.submissions.js";
import { followUpFormSubmission } from "./follow-up-form.submission.js";
import { logFormSubmission } from "./log-form.submission.js";

export function registerViews(app: App, deps: SlackDeps): void {
  app.view(CALLBACKS.logForm, logFormSubmission(deps));
  app.view(CALLBACKS.followUpForm, followUpFormSubmission(deps));
  app.view(CALLBACKS.escalateForm, escalateSubmission(deps));
  app.view(CALLBACKS.decisionNote, decisionNoteSubmission(deps));
  app.view(CALLBACKS.reassignForm, reassignSubmission(deps));
}
