import type { App } from "@slack/bolt";
import { COMMANDS } from "../../ids.js";
import type { IdentifyPerson } from "../../people.js";
import { rapportCommand } from "./rapport.command.js";

export function registerCommands(app: App, identify: IdentifyPerson): void {
  app.command(COMMANDS.rapport, rapportCommand(identify));
}
