import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { plainFromSlack } from "../../slack-text.js";
import { buildHelpMessage } from "../../views/help.view.js";
import { customerSubcommand } from "./customer.subcommand.js";
import { intakeSubcommand } from "./intake.subcommand.js";
import { logSubcommand } from "./log.subcommand.js";
import type { Subcommand } from "./subcommand.js";

// `/rapport <word> …`: one entry per subcommand.
const SUBCOMMANDS: Record<string, Subcommand> = {
  help: async ({ person, respond }) => {
    await respond({ response_type: "ephemeral", ...buildHelpMessage(person.t) });
  },
  log: logSubcommand,
  customer: customerSubcommand,
  intake: intakeSubcommand,
};

export function splitCommandText(text: string): { word: string; args: string } {
  const trimmed = text.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  return match ? { word: (match[1] ?? "").toLowerCase(), args: match[2] ?? "" } : { word: "help", args: "" };
}

export function rapportCommand(deps: SlackDeps) {
  return async ({ command, ack, respond, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const person = await deps.identify(command.team_id, command.user_id, client);
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
    // The intake command reads Slack's channel mention; everything else reads what the person typed.
    await run({ person, args: word === "intake" ? args : plainFromSlack(args), command, client, respond, deps });
  };
}
