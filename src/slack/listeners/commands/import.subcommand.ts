import { buildImportForm } from "../../views/import.view.js";
import type { Subcommand } from "./subcommand.js";

/** `/rapport import` (admins): the form taking the customer file. */
export const importSubcommand: Subcommand = async ({ person, command, client, deps }) => {
  await deps.settings.asAdmin(person.member, async () => {
    await client.views.open({ trigger_id: command.trigger_id, view: buildImportForm(person.t) });
  });
};
