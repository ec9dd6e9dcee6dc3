import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { BLOCK_IDS } from "../../ids.js";
import { submitter } from "./guard.js";

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The file is in: the form closes, and the preview comes by DM once the file is read. */
export function importSubmission(deps: SlackDeps) {
  return async (args: SubmitArgs) => {
    const p = await submitter(args);
    const input = args.view.state.values[BLOCK_IDS.importFile]?.[`${BLOCK_IDS.importFile}_input`] as
      | { files?: Array<{ id?: string }> }
      | undefined;
    const fileId = input?.files?.[0]?.id;
    if (!fileId) {
      await args.ack({ response_action: "errors", errors: { [BLOCK_IDS.importFile]: p.t("import.fileRequired") } });
      return;
    }
    await args.ack();
    await deps.imports.preview(p.member, fileId);
  };
}
