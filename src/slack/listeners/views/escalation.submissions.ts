import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { DomainError } from "../../../domain/errors.js";
import { parseAmount } from "../../../domain/escalations/amount.parser.js";
import { REQUESTED_ACTIONS, SEVERITIES } from "../../../domain/escalations/escalation.types.js";
import type { RootCause } from "../../../domain/interactions/interaction.types.js";
import type { SlackDeps } from "../../deps.js";
import { errorText } from "../../error-text.js";
import { BLOCK_IDS, inputAction } from "../../ids.js";
import { DecisionMetadataSchema, decode, EscalateMetadataSchema, EscalationRefSchema } from "../../payloads.js";
import type { Person } from "../../people.js";
import { saveAndClose, submitter } from "./guard.js";

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type Values = SubmitArgs["view"]["state"]["values"];

const text = (values: Values, block: string) => (values[block]?.[inputAction(block)]?.value ?? "").trim();
const selected = (values: Values, block: string) =>
  values[block]?.[inputAction(block)]?.selected_option?.value ?? undefined;

/** What was really behind a complaint, as the root-cause fields give it (both may be empty). */
export function rootCauseOf(values: Values): RootCause {
  return {
    categoryId: selected(values, BLOCK_IDS.rootCause) ?? null,
    note: text(values, BLOCK_IDS.rootCauseNote) || null,
  };
}

export const isCategoryRefusal = (error: unknown) =>
  error instanceof DomainError && ["reasonNotOffered", "reasonUnknown"].includes(error.code);

function refusal(p: Person, error: unknown): string {
  if (error instanceof DomainError) return errorText(p.t, error);
  throw error;
}

/** The escalate form: stored before the form closes, the card posted after. */
export function escalateSubmission(deps: SlackDeps) {
  return async (args: SubmitArgs) => {
    const p = await submitter(args);
    const { view } = args;
    const metadata = decode(EscalateMetadataSchema, view.private_metadata);
    const values = view.state.values;
    const reason = text(values, BLOCK_IDS.reason);
    const severity = SEVERITIES.find((s) => s === selected(values, BLOCK_IDS.severity));
    const requestedAction = REQUESTED_ACTIONS.find((a) => a === selected(values, BLOCK_IDS.requestedAction));
    const amountText = text(values, BLOCK_IDS.amount);
    // As the person's language writes it: "49,90" in Portuguese, "1,234.50" in English.
    const amount = amountText ? (parseAmount(amountText, p.locale) ?? Number.NaN) : null;
    const errors: Record<string, string> = {};
    if (!reason) errors[BLOCK_IDS.reason] = p.t("escalation.errors.reasonRequired");
    if (amount !== null && !(Number.isFinite(amount) && amount >= 0 && amount < 1e10))
      errors[BLOCK_IDS.amount] = p.t("escalation.errors.amount");
    if (!severity || !requestedAction) errors[BLOCK_IDS.reason] = p.t("errors.badPayload");
    // A complaint is filed under what it is about: one of the workspace's categories, required.
    const interaction = await deps.interactions.get(p.member.workspaceId, metadata.i);
    const asksCategory = interaction.kind === "complaint";
    const categoryId = asksCategory ? selected(values, BLOCK_IDS.reasonCategory) : undefined;
    if (asksCategory && !categoryId) errors[BLOCK_IDS.reasonCategory] = p.t("escalation.errors.categoryRequired");
    if (Object.keys(errors).length > 0 || !severity || !requestedAction) {
      await args.ack({ response_action: "errors", errors });
      return;
    }
    if (categoryId) {
      try {
        await deps.reasons.setForInteraction(p.member.workspaceId, metadata.i, categoryId);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        await args.ack({ response_action: "errors", errors: { [BLOCK_IDS.reasonCategory]: errorText(p.t, error) } });
        return;
      }
    }
    const raised = await saveAndClose(
      args,
      p,
      deps.escalations.raise(
        {
          workspaceId: p.member.workspaceId,
          interactionId: metadata.i,
          raisedById: p.member.id,
          reason,
          severity,
          requestedAction,
          amount,
          note: text(values, BLOCK_IDS.escalationNote) || null,
          requestKey: `view:${view.id}`,
        },
        p.member,
      ),
      { field: BLOCK_IDS.reason, typed: reason, channelId: metadata.channelId },
    );
    if (!raised) return;
    // A second submission of the same form found the first escalation: its card is posted already.
    if (raised.created) await deps.escalations.publish(raised.escalation);
  };
}

/** Approve or Reject with a note; a refusal or a decision someone else made first shows beside the note. */
export function decisionNoteSubmission(deps: SlackDeps) {
  return async (args: SubmitArgs) => {
    const p = await submitter(args);
    const { e, d } = decode(DecisionMetadataSchema, args.view.private_metadata);
    const note = text(args.view.state.values, BLOCK_IDS.decisionNote);
    if (!note) {
      await args.ack({
        response_action: "errors",
        errors: { [BLOCK_IDS.decisionNote]: p.t("escalation.errors.noteRequired") },
      });
      return;
    }
    const cause = rootCauseOf(args.view.state.values);
    try {
      await deps.rootCauses.decide(p.member, e, d, note, cause);
    } catch (error) {
      const field = isCategoryRefusal(error) ? BLOCK_IDS.rootCause : BLOCK_IDS.decisionNote;
      await args.ack({ response_action: "errors", errors: { [field]: refusal(p, error) } });
      return;
    }
    await args.ack();
  };
}

export function reassignSubmission(deps: SlackDeps) {
  return async (args: SubmitArgs) => {
    const p = await submitter(args);
    const { e } = decode(EscalationRefSchema, args.view.private_metadata);
    const userId = args.view.state.values[BLOCK_IDS.assignee]?.[inputAction(BLOCK_IDS.assignee)]?.selected_user;
    if (!userId) {
      await args.ack({
        response_action: "errors",
        errors: { [BLOCK_IDS.assignee]: p.t("escalation.errors.assigneeNotManager") },
      });
      return;
    }
    try {
      const assignee = await deps.identify(args.body.team?.id ?? "", userId, args.client);
      await deps.escalations.decide(p.member.workspaceId, e, p.member, "reassign", null, assignee.member);
    } catch (error) {
      await args.ack({ response_action: "errors", errors: { [BLOCK_IDS.assignee]: refusal(p, error) } });
      return;
    }
    await args.ack();
  };
}
