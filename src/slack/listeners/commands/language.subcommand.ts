import { matchLocale } from "../../../i18n/locales.js";
import type { SubcommandInput } from "./subcommand.js";

/** `/rapport language workspace fi` (admins): shared channels and people Slack gives no language Rapport speaks. */
async function workspaceLanguage({ person, args, respond, deps }: SubcommandInput): Promise<void> {
  const locale = matchLocale(args.trim());
  if (!args.trim() || !locale) {
    await respond({ response_type: "ephemeral", text: person.t("language.workspaceUsage") });
    return;
  }
  await deps.settings.asAdmin(person.member, () => deps.members.setWorkspaceLanguage(person.member, locale));
  // The language named in its own words: "suomi", "latviešu", "தமிழ்".
  const language = deps.translator(locale)("language.name");
  await respond({ response_type: "ephemeral", text: person.t("language.workspaceSet", { language }) });
}

/** `/rapport language pt` (or `auto`): the language Rapport answers this person in. */
export async function languageSubcommand(input: SubcommandInput): Promise<void> {
  const { person, args, respond, deps, command, client } = input;
  const [first = "", ...rest] = args.trim().split(/\s+/);
  if (first.toLowerCase() === "workspace") return workspaceLanguage({ ...input, args: rest.join(" ") });
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
