import { z } from "zod";

export const SEGMENTS = ["lapsed", "at_risk", "tag", "team"] as const;
export type Segment = (typeof SEGMENTS)[number];

export const RESPONSES = ["contacted", "accepted", "declined"] as const;
export type OutreachResponse = (typeof RESPONSES)[number];

/** What a manager fills in to start a campaign. */
export const NewCampaignSchema = z.object({
  name: z.string().trim().min(1).max(80),
  offer: z.string().trim().min(1).max(1000),
  segment: z.enum(SEGMENTS),
  tag: z.string().trim().toLowerCase().max(40).nullable(),
  teamId: z.uuid().nullable(),
  startsAt: z.date(),
  endsAt: z.date(),
});
export type NewCampaign = z.infer<typeof NewCampaignSchema>;

export interface Campaign extends NewCampaign {
  id: string;
  workspaceId: string;
  createdById: string;
  createdBySlackId: string;
  teamName: string | null;
  populatedAt: Date | null;
  endedAt: Date | null;
  progressChannelId: string | null;
  progressTs: string | null;
  progressShown: string | null;
}

export interface CampaignProgress {
  /** Customers in the segment when the campaign started. */
  total: number;
  handedOut: number;
  waiting: number;
  contacted: number;
  accepted: number;
  declined: number;
  wonBack: number;
  /** Left out at sending time: opted out of offers or churned since. */
  skipped: number;
  /** Not handed out before the campaign ended. */
  expired: number;
}

/** One customer of a campaign, handed to one person. */
export interface Outreach {
  id: string;
  workspaceId: string;
  campaign: { id: string; name: string; offer: string; endsAt: Date };
  customer: { id: string; name: string; optedOutOfOffers: boolean; active: boolean };
  recipient: { id: string; slackUserId: string };
  attempts: number;
  /** An earlier attempt may have reached Slack. */
  unsure: boolean;
  createdAt: Date;
  sentAt: Date | null;
  dmChannelId: string | null;
  dmTs: string | null;
  contactedAt: Date | null;
  response: OutreachResponse | null;
}
