import type { HomeView } from "@slack/types";
import type { Translate } from "../../i18n/i18n.js";
import { buildHelpMessage } from "./help.view.js";

/** The App Home tab: until a person has work in Rapport, it shows what the app does. */
export function buildHomeView(t: Translate): HomeView {
  return { type: "home", blocks: buildHelpMessage(t).blocks };
}
