import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { COMMANDS } from "../../ids.js";
import { rapportCommand } from "./rapport.command.js";

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(COMMANDS.rapport, rapportCommand(deps));
}
