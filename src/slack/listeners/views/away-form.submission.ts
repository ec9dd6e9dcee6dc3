import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { DomainError, type DomainErrorCode } from "../../../domain/errors.js";
import type { SlackDeps } from "../../deps.js";
import { errorText } from "../../error-text.js";
import { BLOCK_IDS, inputAction } from "../../ids.js";
import { submitter } from "./guard.js";

// Which field a refusal belongs beside.
const FIELD_OF: Partial<Record<DomainErrorCode, string>> = {
  absenceDates: BLOCK_IDS.awayFrom,
  absenceEndsBeforeStart: BLOCK_IDS.awayTo,
  absenceInThePast: BLOCK_IDS.awayTo,
  absenceTooLong: BLOCK_IDS.awayTo,
  absenceBadCover: BLOCK_IDS.awayCover,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The Home tab's away form: the same rules as `/rapport away <from>..<to> [note] cover @person`. */
export function awayFormSubmission(deps: SlackDeps) {
  return async (args: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const person = await submitter(args);
    const field = (blockId: string) => args.view.state.values[blockId]?.[inputAction(blockId)];
    const from = field(BLOCK_IDS.awayFrom)?.selected_date ?? "";
    const to = field(BLOCK_IDS.awayTo)?.selected_date ?? "";
    const coverSlackId = field(BLOCK_IDS.awayCover)?.selected_user;
    if (!DAY.test(from) || !DAY.test(to)) {
      await args.ack({
        response_action: "errors",
        errors: { [DAY.test(from) ? BLOCK_IDS.awayTo : BLOCK_IDS.awayFrom]: person.t("errors.absenceDates") },
      });
      return;
    }
    const note = (field(BLOCK_IDS.awayNote)?.value ?? "").replace(/\s+/g, " ").trim();
    const cover = coverSlackId
      ? (await deps.identify(args.body.team?.id ?? "", coverSlackId, args.client)).member
      : null;
    try {
      await deps.absences.markAway(person.member, person.member.id, `${from}..${to} ${note}`, cover?.id ?? null);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await args.ack({
        response_action: "errors",
        errors: { [FIELD_OF[error.code] ?? BLOCK_IDS.awayFrom]: errorText(person.t, error) },
      });
      return;
    }
    await args.ack();
  };
}
