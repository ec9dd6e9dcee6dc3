import { matchLocale } from "../../../i18n/locales.js";
import type { SubcommandInput } from "./subcommand.js";

/** `/rapport language pt` (or `auto`): the language Rapport answers this person in. */
export async function languageSubcommand({
  person,
  args,
  respond,
  deps,
  command,
  client,
}: SubcommandInput): Promise<void> {
  const wanted = args.trim().toLowerCase();
  const locale = wanted === "auto" ? null : matchLocale(wanted);
  if (!wanted || (wanted !== "auto" && !locale)) {
    await respond({ response_type: "ephemeral", text: person.t("language.usage") });
    return;
  }
  await deps.members.setLanguage(person.member, locale ?? null);
  // Answer in the language just chosen.
  const after = await deps.identify(command.team_id, command.user_id, client);
  await respond({ response_type: "ephemeral", text: after.t(locale ? "language.set" : "language.auto") });
}
