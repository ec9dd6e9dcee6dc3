import type { HomeView, KnownBlock } from "@slack/types";
import type { WorkspaceSettings } from "../../domain/workspace-settings/settings.types.js";
import type { Translate } from "../../i18n/i18n.js";
import { buildHelpMessage } from "./help.view.js";
import { buildSettingsSummary } from "./settings.view.js";

/** The App Home tab: what the app does, and for admins the workspace's set-up. */
export function buildHomeView(t: Translate, settings?: WorkspaceSettings): HomeView {
  const blocks: KnownBlock[] = [...buildHelpMessage(t).blocks];
  if (settings) blocks.push({ type: "divider" }, ...buildSettingsSummary(t, settings).blocks);
  return { type: "home", blocks };
}
