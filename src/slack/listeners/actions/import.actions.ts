import type { SlackDeps } from "../../deps.js";
import { decode, ImportJobRefSchema } from "../../payloads.js";
import { buildImportForm, buildImportResult } from "../../views/import.view.js";
import { type ActionArgs, actionValue, actorOf } from "./interaction.actions.js";

/** Import customers on an admin's Home tab: the form taking the file. */
export function importOpenAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { person } = await actorOf(args);
    await deps.settings.asAdmin(person.member, async () => {
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: buildImportForm(person.t) });
    });
  };
}

/** Import on the preview: runs now (the message shows how far it got), unless another import runs. */
export function importConfirmAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { j, n } = decode(ImportJobRefSchema, actionValue(args));
    const { person } = await actorOf(args);
    await deps.imports.confirm(person.member, j, n === true);
  };
}

/** Cancel on a preview, Stop on a running import: what was written stays. */
export function importStopAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { j } = decode(ImportJobRefSchema, actionValue(args));
    const { person } = await actorOf(args);
    const stopped = await deps.imports.stop(person.member, j);
    if (stopped?.status === "cancelled")
      await args.respond({ replace_original: true, ...buildImportResult(person.t, stopped, null) });
  };
}
