import type { KnownBlock } from "@slack/types";
import type { Translate } from "../../i18n/i18n.js";
import { BLOCK_IDS } from "../ids.js";

export interface HelpMessage {
  text: string;
  blocks: KnownBlock[];
}

const COMMAND_KEYS = [
  "help.commandLog",
  "help.commandLogForm",
  "help.commandCustomer",
  "help.commandEscalate",
  "help.commandFollowup",
  "help.commandCampaign",
  "help.commandDigest",
  "help.commandReview",
  "help.commandExport",
  "help.commandTarget",
  "help.commandImport",
  "help.commandTag",
  "help.commandOptout",
  "help.commandMyHours",
  "help.commandAway",
  "help.commandIntake",
  "help.commandLanguage",
  "help.commandHelp",
] as const;

/** What Rapport can do, in the reader's language. */
export function buildHelpMessage(t: Translate): HelpMessage {
  return {
    text: t("help.header"),
    blocks: [
      { type: "header", text: { type: "plain_text", text: t("help.header") } },
      { type: "section", text: { type: "mrkdwn", text: t("help.intro") } },
      {
        type: "section",
        block_id: BLOCK_IDS.helpCommands,
        text: {
          type: "mrkdwn",
          text: [t("help.commandsTitle"), ...COMMAND_KEYS.map((key) => `• ${t(key)}`)].join("\n"),
        },
      },
      { type: "context", elements: [{ type: "mrkdwn", text: t("help.vocabulary") }] },
      { type: "context", elements: [{ type: "mrkdwn", text: t("help.dm") }] },
    ],
  };
}
