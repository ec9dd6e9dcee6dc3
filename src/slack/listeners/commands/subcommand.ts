import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import type { Person } from "../../people.js";

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export interface SubcommandInput {
  person: Person;
  /** The text after the subcommand word. */
  args: string;
  command: CommandArgs["command"];
  client: CommandArgs["client"];
  respond: CommandArgs["respond"];
  deps: SlackDeps;
}

export type Subcommand = (input: SubcommandInput) => Promise<void>;
