import type { Posted } from "../outbound.js";
import type { Campaign, CampaignProgress, Outreach } from "./campaign.types.js";

/** How the campaign service reaches people; the Slack layer implements it. */
export interface CampaignNotifier {
  /**
   * Sends the outreach to its recipient; resolves only once Slack has taken it.
   * When `outreach.unsure`, an earlier attempt's message is looked for first.
   */
  nudge(outreach: Outreach): Promise<Posted>;
  /** Posts or updates the campaign's progress message for its manager. */
  showProgress(campaign: Campaign, progress: CampaignProgress, now: Date): Promise<Posted>;
}
