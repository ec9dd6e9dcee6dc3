import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { NewCampaignSchema, SEGMENTS } from "../../../domain/campaigns/campaign.types.js";
import { DomainError, type DomainErrorCode } from "../../../domain/errors.js";
import { fromZoned } from "../../../domain/escalations/business-calendar.js";
import type { SlackDeps } from "../../deps.js";
import { errorText } from "../../error-text.js";
import { BLOCK_IDS, inputAction } from "../../ids.js";
import { CampaignFormMetadataSchema, decode } from "../../payloads.js";
import { submitter } from "./guard.js";

// Which field a refusal belongs beside.
const FIELD_OF: Partial<Record<DomainErrorCode, string>> = {
  campaignEndsBeforeStart: BLOCK_IDS.campaignEnds,
  campaignAlreadyOver: BLOCK_IDS.campaignEnds,
  campaignNeedsTag: BLOCK_IDS.campaignTag,
  campaignNeedsTeam: BLOCK_IDS.campaignTeam,
  campaignManagersOnly: BLOCK_IDS.campaignName,
};

const dayOf = (text: string | null | undefined) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? "");
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
};

export function campaignFormSubmission(deps: SlackDeps) {
  return async (args: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { ack, view } = args;
    const person = await submitter(args);
    const { t, member } = person;
    const { tz } = decode(CampaignFormMetadataSchema, view.private_metadata);
    const field = (blockId: string) => view.state.values[blockId]?.[inputAction(blockId)];
    const starts = dayOf(field(BLOCK_IDS.campaignStarts)?.selected_date);
    const ends = dayOf(field(BLOCK_IDS.campaignEnds)?.selected_date);
    const segment = SEGMENTS.find((s) => s === field(BLOCK_IDS.campaignSegment)?.selected_option?.value);
    const errors: Record<string, string> = {};
    if (!starts) errors[BLOCK_IDS.campaignStarts] = t("campaign.errors.date");
    if (!ends) errors[BLOCK_IDS.campaignEnds] = t("campaign.errors.date");
    if (!segment) errors[BLOCK_IDS.campaignSegment] = t("campaign.errors.segment");
    const parsed = NewCampaignSchema.safeParse({
      name: field(BLOCK_IDS.campaignName)?.value ?? "",
      offer: field(BLOCK_IDS.campaignOffer)?.value ?? "",
      segment,
      tag: field(BLOCK_IDS.campaignTag)?.value?.trim() || null,
      teamId: field(BLOCK_IDS.campaignTeam)?.selected_option?.value ?? null,
      // From the first day's start to the last day's end, in the manager's time zone.
      startsAt: starts ? fromZoned(starts, 0, tz) : new Date(Number.NaN),
      endsAt: ends ? fromZoned({ ...ends, day: ends.day + 1 }, 0, tz) : new Date(Number.NaN),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if (key === "name") errors[BLOCK_IDS.campaignName] = t("campaign.errors.name");
        if (key === "offer") errors[BLOCK_IDS.campaignOffer] = t("campaign.errors.offer");
        if (key === "tag") errors[BLOCK_IDS.campaignTag] = t("campaign.errors.tag");
      }
    }
    if (Object.keys(errors).length || !parsed.success) {
      await ack({
        response_action: "errors",
        errors: Object.keys(errors).length ? errors : { [BLOCK_IDS.campaignName]: t("campaign.errors.name") },
      });
      return;
    }
    try {
      await deps.campaigns.create(member, parsed.data, `view:${args.view.id}`);
    } catch (error) {
      const blockId = error instanceof DomainError ? FIELD_OF[error.code] : undefined;
      if (!blockId || !(error instanceof DomainError)) throw error;
      await ack({ response_action: "errors", errors: { [blockId]: errorText(t, error) } });
      return;
    }
    await ack();
  };
}
