import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { FOLLOW_UP_MAX_DAYS } from "../../../domain/interactions/interaction.limits.js";
import type { SlackDeps } from "../../deps.js";
import { slackDate } from "../../format.js";
import { BLOCK_IDS, inputAction } from "../../ids.js";
import { escapeMrkdwn } from "../../mrkdwn.js";
import { decode, FollowUpMetadataSchema } from "../../payloads.js";
import { tellPerson } from "../../reply.js";
import { saveAndClose, submitter } from "./guard.js";

export function followUpFormSubmission(deps: SlackDeps) {
  return async (args: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { ack, body, view, client } = args;
    const person = await submitter(args);
    const { t, member } = person;
    const metadata = decode(FollowUpMetadataSchema, view.private_metadata);
    const values = view.state.values;
    const days = Number(values[BLOCK_IDS.followUpDays]?.[inputAction(BLOCK_IDS.followUpDays)]?.value);
    const note = (values[BLOCK_IDS.followUpNote]?.[inputAction(BLOCK_IDS.followUpNote)]?.value ?? "").trim();
    if (!(Number.isInteger(days) && days >= 1 && days <= FOLLOW_UP_MAX_DAYS)) {
      await ack({
        response_action: "errors",
        errors: { [BLOCK_IDS.followUpDays]: t("form.errors.followUpRange", { max: FOLLOW_UP_MAX_DAYS }) },
      });
      return;
    }
    if (!note) {
      await ack({ response_action: "errors", errors: { [BLOCK_IDS.followUpNote]: t("form.errors.summaryRequired") } });
      return;
    }
    const interaction = await deps.interactions.get(member.workspaceId, metadata.i);
    const followUp = await saveAndClose(
      args,
      person,
      deps.followUps.addForInteraction(interaction, member.id, days, note, null, `view:${view.id}`),
      { field: BLOCK_IDS.followUpNote, typed: note, channelId: metadata.channelId },
    );
    if (!followUp) return;
    // A second submission of the same form found the first follow-up, which was confirmed already.
    if (!followUp.created) return;
    const text = t("followUp.created", {
      customer: escapeMrkdwn(interaction.customerName),
      date: slackDate(followUp.dueAt, "date"),
    });
    await tellPerson(client, body.user.id, metadata.channelId, {
      text,
      blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
    });
  };
}
