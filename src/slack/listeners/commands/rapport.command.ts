import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { IdentifyPerson, Person } from "../../people.js";
import { buildHelpMessage } from "../../views/help.view.js";

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
type Respond = CommandArgs["respond"];

interface SubcommandInput {
  person: Person;
  args: string;
  respond: Respond;
}

// `/rapport <word> …`: one entry per subcommand; other issues add theirs here.
const SUBCOMMANDS: Record<string, (input: SubcommandInput) => Promise<void>> = {
  help: async ({ person, respond }) => {
    await respond({ response_type: "ephemeral", ...buildHelpMessage(person.t) });
  },
};

export function splitCommandText(text: string): { word: string; args: string } {
  const trimmed = text.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  return match ? { word: (match[1] ?? "").toLowerCase(), args: match[2] ?? "" } : { word: "help", args: "" };
}

export function rapportCommand(identify: IdentifyPerson) {
  return async ({ command, ack, respond, client, context }: CommandArgs) => {
    await ack();
    const person = await identify(command.team_id, command.user_id, client);
    context.locale = person.locale;
    const { word, args } = splitCommandText(command.text);
    const run = SUBCOMMANDS[word];
    if (!run) {
      await respond({
        response_type: "ephemeral",
        text: person.t("errors.unknownCommand", { command: `/rapport ${word}` }),
      });
      return;
    }
    await run({ person, args, respond });
  };
}
