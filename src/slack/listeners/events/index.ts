import type { App } from "@slack/bolt";
import { EVENTS } from "../../ids.js";
import type { IdentifyPerson } from "../../people.js";
import { appHomeOpened } from "./app-home-opened.event.js";
import { directMessage } from "./direct-message.event.js";

export function registerEvents(app: App, identify: IdentifyPerson): void {
  app.event(EVENTS.appHomeOpened, appHomeOpened(identify));
  app.message(directMessage(identify));
}
