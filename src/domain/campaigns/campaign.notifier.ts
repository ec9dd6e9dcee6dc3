import type { Campaign, CampaignProgress, Outreach, Posted } from "./campaign.types.js";

/** How the campaign service reaches people; the Slack layer implements it. */
export interface CampaignNotifier {
  /** Sends the outreach to its recipient; resolves only once Slack has taken it. */
  nudge(outreach: Outreach): Promise<Posted>;
  /** An earlier attempt's message, if Slack has it (an attempt whose outcome was not recorded). */
  findEarlier(outreach: Outreach): Promise<Posted | null>;
  /** Posts or updates the campaign's progress message for its manager. */
  showProgress(campaign: Campaign, progress: CampaignProgress, now: Date): Promise<Posted>;
}

/** Slack refused the message (it said why): nothing was posted. */
export class NotDelivered extends Error {}

/** Slack said to wait: try again after this many seconds. */
export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited for ${retryAfterSeconds} s`);
  }
}
