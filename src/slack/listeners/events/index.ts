import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { EVENTS } from "../../ids.js";
import { appHomeOpened } from "./app-home-opened.event.js";
import { messageEvent } from "./message.event.js";

export function registerEvents(app: App, deps: SlackDeps): void {
  app.event(EVENTS.appHomeOpened, appHomeOpened(deps));
  // message.im, message.channels and message.groups all arrive as "message".
  app.event("message", messageEvent(deps));
}
