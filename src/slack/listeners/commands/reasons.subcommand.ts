import { verbatim } from "../../../i18n/verbatim.js";
import { escapeMrkdwn } from "../../mrkdwn.js";
import { buildReasonList } from "../../views/reasons.view.js";
import type { Subcommand } from "./subcommand.js";

// `/rapport reasons` lists the complaint reason categories; admins `add <name>`,
// `rename <name> to <new name>`, `retire <name>`.

export const reasonsSubcommand: Subcommand = async (input) => {
  const { person, deps } = input;
  const { t } = person;
  const say = (text: string) => input.respond({ response_type: "ephemeral", text });
  const [word = "", ...rest] = input.args.trim().split(/\s+/);
  const name = rest.join(" ");
  const shown = (text: string) => escapeMrkdwn(text.trim());
  switch (word.toLowerCase()) {
    case "":
    case "list":
      return void (await input.respond({
        response_type: "ephemeral",
        ...buildReasonList(t, await deps.reasons.list(person.member.workspaceId, true)),
      }));
    case "add":
      await deps.reasons.add(person.member, name);
      return void (await say(t("reasons.added", { name: shown(name) })));
    case "rename": {
      const [from = "", to = ""] = name.split(/\s+to\s+/i);
      await deps.reasons.rename(person.member, from, to);
      return void (await say(t("reasons.renamed", { from: shown(from), to: shown(to) })));
    }
    case "retire":
      await deps.reasons.retire(person.member, name);
      return void (await say(t("reasons.retired", { name: shown(name) })));
    default:
      return void (await say(t("reasons.usage", { example: verbatim("`/rapport reasons add Warranty`") })));
  }
};
