import type { WebClient } from "@slack/web-api";
import type { CampaignNotifier } from "../domain/campaigns/campaign.notifier.js";
import type { MemberService } from "../domain/members/member.service.js";
import type { I18n } from "../i18n/i18n.js";
import type { SupportedLocale } from "../i18n/locales.js";
import { OUTREACH_EVENT } from "./ids.js";
import { postOnce } from "./post-once.js";
import { recipientTranslator } from "./recipient-translator.js";
import { buildCampaignNudge } from "./views/campaign-nudge.view.js";
import { buildCampaignProgress } from "./views/campaign-progress.view.js";

const LOCALE_TTL_MS = 60_000;

/**
 * Win-back nudges and campaign progress by DM. `delivery` is a client that
 * does not retry on its own: the campaign service decides when to try again,
 * and an attempt after an uncertain one first looks for what it posted.
 */
export function createCampaignNotifier(deps: {
  client: WebClient;
  delivery: WebClient;
  i18n: I18n;
  members: MemberService;
  defaultLocale: SupportedLocale;
}): CampaignNotifier {
  // Thousands of nudges go to a few hundred people: their language is read once a minute, not per nudge.
  const tFor = recipientTranslator(deps, LOCALE_TTL_MS);

  return {
    async nudge(o) {
      const t = await tFor(o.workspaceId, o.recipient.slackUserId);
      return postOnce(
        deps.delivery,
        {
          to: o.recipient.slackUserId,
          eventType: OUTREACH_EVENT,
          id: o.id,
          unsureSince: o.unsure ? o.createdAt : null,
        },
        buildCampaignNudge(t, o),
      );
    },

    async showProgress(campaign, progress, now) {
      const t = await tFor(campaign.workspaceId, campaign.createdBySlackId);
      const message = buildCampaignProgress(t, campaign, progress, now);
      if (campaign.progressChannelId && campaign.progressTs) {
        await deps.client.chat.update({ channel: campaign.progressChannelId, ts: campaign.progressTs, ...message });
        return { channelId: campaign.progressChannelId, ts: campaign.progressTs };
      }
      const result = await deps.client.chat.postMessage({ channel: campaign.createdBySlackId, ...message });
      if (!result.channel || !result.ts) throw new Error("Slack did not say where the progress message went");
      return { channelId: result.channel, ts: result.ts };
    },
  };
}
