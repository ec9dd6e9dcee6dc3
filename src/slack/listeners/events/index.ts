import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { EVENTS } from "../../ids.js";
import { appHomeOpened } from "./app-home-opened.event.js";
import { messageEvent } from "./message.event.js";
import { userChange } from "./user-change.event.js";

export function registerEvents(app: App, deps: SlackDeps): void {
  app.event(EVENTS.appHomeOpened, appHomeOpened(deps));
  // message.im, message.channels and message.groups all arrive as "message".
  app.event("message", messageEvent(deps));
  // A Slack status that says "away" is a hint: the person is asked, never marked by it alone.
  app.event(EVENTS.userChange, userChange(deps));
}
