import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { DomainError } from "../../../domain/errors.js";
import { FOLLOW_UP_OUTCOMES } from "../../../domain/follow-ups/follow-up.types.js";
import type { SlackDeps } from "../../deps.js";
import { errorText } from "../../error-text.js";
import { BLOCK_IDS, inputAction } from "../../ids.js";
import { decode, EscalationRefSchema, FollowUpRefSchema } from "../../payloads.js";
import { buildEscalateForm } from "../../views/escalation-forms.view.js";
import { buildReopenForm } from "../../views/follow-up-dm.view.js";
import { submitter } from "./guard.js";

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Done with an outcome: logged as an interaction; "not satisfied" goes straight on to the escalation form. */
export function followUpDoneSubmission(deps: SlackDeps) {
  return async (args: SubmitArgs) => {
    const person = await submitter(args);
    const { f } = decode(FollowUpRefSchema, args.view.private_metadata);
    const values = args.view.state.values;
    const outcome = FOLLOW_UP_OUTCOMES.find(
      (o) => o === values[BLOCK_IDS.followUpOutcome]?.[inputAction(BLOCK_IDS.followUpOutcome)]?.selected_option?.value,
    );
    if (!outcome) {
      await args.ack({
        response_action: "errors",
        errors: { [BLOCK_IDS.followUpOutcome]: person.t("followUpDm.outcomeRequired") },
      });
      return;
    }
    const note = (
      values[BLOCK_IDS.followUpOutcomeNote]?.[inputAction(BLOCK_IDS.followUpOutcomeNote)]?.value ?? ""
    ).trim();
    try {
      const { followUp, interaction } = await deps.followUps.done(
        person.member.workspaceId,
        f,
        person.member,
        outcome,
        note,
      );
      // Not satisfied: on to re-opening the earlier escalation, or to a new one.
      if (outcome !== "not_satisfied") await args.ack();
      else if (followUp.escalationId) {
        await args.ack({
          response_action: "update",
          view: buildReopenForm(person.t, followUp.escalationId, followUp.customer.name, note),
        });
      } else
        await args.ack({
          response_action: "update",
          view: buildEscalateForm(person.t, interaction, undefined, await deps.reasons.list(interaction.workspaceId)),
        });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await args.ack({
        response_action: "errors",
        errors: { [BLOCK_IDS.followUpOutcome]: errorText(person.t, error) },
      });
    }
  };
}

/** Re-open: the escalation goes back to the managers with the agent's reason. */
export function reopenSubmission(deps: SlackDeps) {
  return async (args: SubmitArgs) => {
    const person = await submitter(args);
    const { e } = decode(EscalationRefSchema, args.view.private_metadata);
    const reason = (
      args.view.state.values[BLOCK_IDS.decisionNote]?.[inputAction(BLOCK_IDS.decisionNote)]?.value ?? ""
    ).trim();
    if (!reason) {
      await args.ack({
        response_action: "errors",
        errors: { [BLOCK_IDS.decisionNote]: person.t("escalation.errors.reasonRequired") },
      });
      return;
    }
    try {
      await deps.escalations.decide(person.member.workspaceId, e, person.member, "reopen", reason);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await args.ack({
        response_action: "errors",
        errors: { [BLOCK_IDS.decisionNote]: errorText(person.t, error) },
      });
      return;
    }
    await args.ack();
  };
}

export function followUpReassignSubmission(deps: SlackDeps) {
  return async (args: SubmitArgs) => {
    const person = await submitter(args);
    const { f } = decode(FollowUpRefSchema, args.view.private_metadata);
    const userId = args.view.state.values[BLOCK_IDS.assignee]?.[inputAction(BLOCK_IDS.assignee)]?.selected_user;
    // Nobody chosen: the teammate at work with the least open work takes it.
    const assignee = userId ? (await deps.identify(args.body.team?.id ?? "", userId, args.client)).member : null;
    try {
      await deps.followUps.reassign(person.member.workspaceId, f, person.member, assignee);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await args.ack({
        response_action: "errors",
        errors: { [BLOCK_IDS.assignee]: errorText(person.t, error) },
      });
      return;
    }
    await args.ack();
  };
}
