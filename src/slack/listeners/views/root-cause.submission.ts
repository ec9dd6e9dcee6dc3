import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { DomainError } from "../../../domain/errors.js";
import type { SlackDeps } from "../../deps.js";
import { errorText } from "../../error-text.js";
import { BLOCK_IDS } from "../../ids.js";
import { mrkdwnText } from "../../mrkdwn.js";
import { decode, RootCauseMetadataSchema } from "../../payloads.js";
import { tellPerson } from "../../reply.js";
import { isCategoryRefusal, rootCauseOf } from "./escalation.submissions.js";
import { submitter } from "./guard.js";

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The root-cause form: resolves the complaint (with what was behind it, when given), or records
 * the root cause of its decided escalation. A refusal shows beside the field, nothing changed.
 */
export function rootCauseSubmission(deps: SlackDeps) {
  return async (args: SubmitArgs) => {
    const p = await submitter(args);
    const { i, e, channelId } = decode(RootCauseMetadataSchema, args.view.private_metadata);
    const cause = rootCauseOf(args.view.state.values);
    const hasCategories = Boolean(args.view.state.values[BLOCK_IDS.rootCause]);
    try {
      if (e) await deps.rootCauses.forEscalation(p.member, e, cause);
      else await deps.rootCauses.resolveComplaint(p.member, i, cause);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const aboutCategory = isCategoryRefusal(error) || error.code === "rootCauseEmpty";
      const field = aboutCategory && hasCategories ? BLOCK_IDS.rootCause : BLOCK_IDS.rootCauseNote;
      await args.ack({ response_action: "errors", errors: { [field]: errorText(p.t, error) } });
      return;
    }
    await args.ack();
    const complaint = await deps.interactions.get(p.member.workspaceId, i);
    const text = p.t(e ? "rootCause.recorded" : "rootCause.resolved", {
      customer: mrkdwnText(complaint.customerName, 200),
    });
    await tellPerson(args.client, args.body.user.id, channelId, {
      text,
      blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
    });
  };
}
