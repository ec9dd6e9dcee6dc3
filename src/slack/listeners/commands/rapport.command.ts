import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { personOf } from "../../middleware/resolve-person.js";
import { plainFromSlack } from "../../slack-text.js";
import { buildHelpMessage } from "../../views/help.view.js";
import { answerInAck } from "./answer-in-ack.js";
import { apiSubcommand } from "./api.subcommand.js";
import { awaySubcommand } from "./away.subcommand.js";
import { campaignSubcommand } from "./campaign.subcommand.js";
import { customerSubcommand } from "./customer.subcommand.js";
import { CUSTOMER_OFFER_SUBCOMMANDS } from "./customer-offers.subcommands.js";
import { DAY_SUBCOMMANDS } from "./days.subcommands.js";
import { escalateSubcommand } from "./escalate.subcommand.js";
import { followupSubcommand } from "./followup.subcommand.js";
import { importSubcommand } from "./import.subcommand.js";
import { intakeSubcommand } from "./intake.subcommand.js";
import { languageSubcommand } from "./language.subcommand.js";
import { logSubcommand } from "./log.subcommand.js";
import { reasonsSubcommand } from "./reasons.subcommand.js";
import { REPORT_SUBCOMMANDS } from "./reports.subcommands.js";
import { SETUP_SUBCOMMANDS } from "./setup.subcommands.js";
import type { Subcommand } from "./subcommand.js";

// `/rapport <word> …`: one entry per subcommand.
const SUBCOMMANDS: Record<string, Subcommand> = {
  help: async ({ person, respond }) => {
    await respond({ response_type: "ephemeral", ...buildHelpMessage(person.t) });
  },
  log: logSubcommand,
  customer: customerSubcommand,
  intake: intakeSubcommand,
  escalate: escalateSubcommand,
  language: languageSubcommand,
  followup: followupSubcommand,
  campaign: campaignSubcommand,
  away: awaySubcommand,
  api: apiSubcommand,
  reasons: reasonsSubcommand,
  import: importSubcommand,
  ...SETUP_SUBCOMMANDS,
  ...DAY_SUBCOMMANDS,
  ...CUSTOMER_OFFER_SUBCOMMANDS,
  ...REPORT_SUBCOMMANDS,
};

const RAW_ARGUMENTS = new Set(["intake", "team", "role", "route", "review", "away"]);

export function splitCommandText(text: string): { word: string; args: string } {
  const trimmed = text.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  return match ? { word: (match[1] ?? "").toLowerCase(), args: match[2] ?? "" } : { word: "help", args: "" };
}

export function rapportCommand(deps: SlackDeps) {
  return async ({ command, ack, respond, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const answer = answerInAck(ack, respond);
    try {
      const person = await personOf(context);
      const { word, args } = splitCommandText(command.text);
      const run = SUBCOMMANDS[word];
      if (!run) {
        await answer.respond({
          response_type: "ephemeral",
          text: person.t("errors.unknownCommand", { command: `/rapport ${word}` }),
        });
        return;
      }
      // Set-up commands read Slack's channel and people mentions; the others read what the person typed.
      const typed = RAW_ARGUMENTS.has(word) ? args : plainFromSlack(args);
      await run({ person, args: typed, command, client, respond: answer.respond, deps });
    } finally {
      await answer.finish();
    }
  };
}
