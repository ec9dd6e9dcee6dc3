import { ErrorCode, type WebClient } from "@slack/web-api";
import { type CampaignNotifier, NotDelivered, RateLimited } from "../domain/campaigns/campaign.notifier.js";
import type { MemberService } from "../domain/members/member.service.js";
import type { I18n, Translate } from "../i18n/i18n.js";
import { matchLocale, type SupportedLocale } from "../i18n/locales.js";
import { OUTREACH_EVENT } from "./ids.js";
import { buildCampaignNudge } from "./views/campaign-nudge.view.js";
import { buildCampaignProgress } from "./views/campaign-progress.view.js";

const HISTORY_PAGES = 20;
const LOCALE_TTL_MS = 60_000;

/**
 * Win-back nudges and campaign progress by DM. `delivery` is a client that
 * does not retry on its own: the campaign service decides when to try again,
 * after looking for what an uncertain attempt may have posted.
 */
export function createCampaignNotifier(deps: {
  client: WebClient;
  delivery: WebClient;
  i18n: I18n;
  members: MemberService;
  defaultLocale: SupportedLocale;
}): CampaignNotifier {
  const locales = new Map<string, { locale: SupportedLocale; until: number }>();
  async function tFor(workspaceId: string, slackUserId: string): Promise<Translate> {
    const key = `${workspaceId}:${slackUserId}`;
    let cached = locales.get(key);
    if (!cached || cached.until < Date.now()) {
      const member = await deps.members.findKnown(workspaceId, slackUserId);
      const locale = matchLocale(member?.localeOverride) ?? matchLocale(member?.locale) ?? deps.defaultLocale;
      cached = { locale, until: Date.now() + LOCALE_TTL_MS };
      locales.set(key, cached);
    }
    return deps.i18n.translator(cached.locale);
  }

  return {
    async nudge(o) {
      const t = await tFor(o.workspaceId, o.recipient.slackUserId);
      try {
        const result = await deps.delivery.chat.postMessage({
          channel: o.recipient.slackUserId,
          ...buildCampaignNudge(t, o),
          metadata: { event_type: OUTREACH_EVENT, event_payload: { outreach_id: o.id } },
        });
        if (!result.channel || !result.ts) throw new Error("Slack did not say where the nudge went");
        return { channelId: result.channel, ts: result.ts };
      } catch (error) {
        const { code, retryAfter } = error as { code?: string; retryAfter?: number };
        if (code === ErrorCode.RateLimitedError) throw new RateLimited(retryAfter ?? 1);
        // Slack answered with a reason (ok: false): nothing was posted.
        if (code === ErrorCode.PlatformError) throw new NotDelivered(String(error), { cause: error });
        throw error;
      }
    },

    async findEarlier(o) {
      const opened = await deps.delivery.conversations.open({ users: o.recipient.slackUserId });
      const channel = opened.channel?.id;
      if (!channel) return null;
      let cursor: string | undefined;
      for (let page = 0; page < HISTORY_PAGES; page++) {
        const history = await deps.delivery.conversations.history({
          channel,
          oldest: String(Math.floor(o.createdAt.getTime() / 1000) - 1),
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        const found = history.messages?.find(
          (m) =>
            m.metadata?.event_type === OUTREACH_EVENT &&
            (m.metadata.event_payload as { outreach_id?: string } | undefined)?.outreach_id === o.id,
        );
        if (found?.ts) return { channelId: channel, ts: found.ts };
        cursor = history.response_metadata?.next_cursor || undefined;
        if (!cursor) return null;
      }
      throw new Error("too much history to look through for an earlier nudge");
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
