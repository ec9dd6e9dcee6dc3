import { DomainError, Errors } from "../errors.js";
import { isWorkingTime } from "../follow-ups/follow-up.service.js";
import type { InteractionService } from "../interactions/interaction.service.js";
import type { Member } from "../members/member.types.js";
import { mayHavePosted, RateLimited } from "../outbound.js";
import type { SettingsRepository } from "../workspace-settings/settings.repository.js";
import { calendarFor } from "../workspace-settings/settings.service.js";
import type { WorkspaceSettings } from "../workspace-settings/settings.types.js";
import type { CampaignNotifier } from "./campaign.notifier.js";
import type { CampaignRepository } from "./campaign.repository.js";
import type { Campaign, CampaignProgress, NewCampaign, Outreach, OutreachResponse } from "./campaign.types.js";

// Slack takes about one message a second per channel (each person's DM is one
// channel): a batch holds at most one nudge per person, and nobody is sent
// another within a second of the last (checked in the database, so across instances).
const PACE_MS = 1_000;
const WAIT_FOR_PACE_MS = 100;
const BATCH = 250;
const CONCURRENCY = 25;
// Longer than one attempt can take (the Slack call times out well before).
const LEASE_MS = 30_000;
const PROGRESS_EVERY_MS = 5_000;
const MAX_BACKOFF_MS = 10 * 60_000;

export interface CampaignDeps {
  campaigns: CampaignRepository;
  settings: SettingsRepository;
  interactions: InteractionService;
  notifier: CampaignNotifier;
  /** Who is at work in a team, least open work first: where customers without an owner go. */
  handOut: (settings: WorkspaceSettings, teamId: string | null, now: Date) => Promise<string[]>;
  now: () => Date;
  instanceId: string;
  /** How long one tick may keep delivering before it hands over to the next. */
  deliveryBudgetMs?: number;
  log: (message: string, context: Record<string, unknown>) => void;
}

export interface TickResult {
  started: number;
  sent: number;
  retried: number;
  skipped: number;
  closed: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` over `items`, `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export function createCampaignService(deps: CampaignDeps) {
  const { campaigns, notifier } = deps;
  const budgetMs = deps.deliveryBudgetMs ?? 50_000;

  async function refreshProgress(campaign: Campaign): Promise<CampaignProgress> {
    const progress = await campaigns.progress(campaign.id);
    const shown = JSON.stringify({ ...progress, ended: campaign.endedAt !== null });
    if (shown !== campaign.progressShown || !campaign.progressTs) {
      const posted = await notifier.showProgress(campaign, progress, deps.now());
      await campaigns.saveProgressMessage(campaign.id, posted, shown);
      Object.assign(campaign, { progressChannelId: posted.channelId, progressTs: posted.ts, progressShown: shown });
    }
    return progress;
  }

  const quietly = (what: string, context: Record<string, unknown>) => (error: unknown) =>
    deps.log(what, { ...context, error: String(error) });

  /** People who may be nudged right now, in the workspaces that have a campaign running. */
  async function peopleAtWork(running: Campaign[], now: Date): Promise<string[]> {
    const ids: string[] = [];
    for (const workspaceId of new Set(running.map((c) => c.workspaceId))) {
      const settings = await deps.settings.load(workspaceId);
      for (const person of settings.people) if (isWorkingTime(now, calendarFor(settings, person))) ids.push(person.id);
    }
    return ids;
  }

  async function sendOne(o: Outreach, result: TickResult): Promise<void> {
    try {
      // Opted out or churned since the campaign started: left out.
      if (!o.customer.active || o.customer.optedOutOfOffers) {
        await campaigns.skip(o.id);
        result.skipped++;
        return;
      }
      // An earlier attempt may have reached Slack without its answer being recorded: the notifier looks first.
      const posted = await notifier.nudge(o);
      await campaigns.markSent(o.id, posted, deps.now());
      result.sent++;
    } catch (error) {
      const wait =
        error instanceof RateLimited
          ? error.retryAfterSeconds * 1000
          : Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** Math.max(0, o.attempts - 1));
      result.retried++;
      const unsure = mayHavePosted(error);
      await campaigns
        .retryLater(o.id, new Date(deps.now().getTime() + wait), unsure)
        .catch(quietly("outreach not released; its lease will run out", { outreach: o.id }));
      if (!(error instanceof RateLimited))
        deps.log("win-back nudge not delivered; will retry", { outreach: o.id, error: String(error) });
    }
  }

  /** Hands out due nudges in paced batches until none is due or the budget is spent. */
  async function deliver(running: Campaign[], result: TickResult): Promise<void> {
    const deadline = performance.now() + budgetMs;
    const recipients = await peopleAtWork(running, deps.now());
    let lastProgress = performance.now();
    while (performance.now() < deadline) {
      const now = deps.now();
      const batch = await campaigns.lease({
        now,
        until: new Date(now.getTime() + LEASE_MS),
        recipientIds: recipients,
        limit: BATCH,
        instanceId: deps.instanceId,
        pacedMs: PACE_MS,
      });
      if (batch.length === 0) {
        // Nothing free to send: done, unless some are only waiting for their person's pace.
        if (!(await campaigns.anyDue(now, recipients))) break;
        await sleep(WAIT_FOR_PACE_MS);
        continue;
      }
      await inParallel(batch, CONCURRENCY, (o) => sendOne(o, result));
      if (performance.now() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = performance.now();
        for (const c of running)
          await refreshProgress(c).catch(quietly("campaign progress not updated", { campaign: c.id }));
      }
    }
  }

  return {
    /** Starts it; a second submission with the same request key gets the first campaign back. */
    async create(actor: Member, input: NewCampaign, requestKey: string | null = null): Promise<Campaign> {
      if (actor.role === "agent") throw Errors.notAllowed();
      if (input.endsAt <= input.startsAt) throw new DomainError("campaignEndsBeforeStart");
      if (input.endsAt <= deps.now()) throw new DomainError("campaignAlreadyOver");
      if (input.segment === "tag" && !input.tag) throw new DomainError("campaignNeedsTag");
      if (input.segment === "team" && !input.teamId) throw new DomainError("campaignNeedsTeam");
      const { campaign, created } = await campaigns.create(
        actor.workspaceId,
        actor.id,
        {
          ...input,
          tag: input.segment === "tag" ? input.tag : null,
          teamId: input.segment === "team" ? input.teamId : null,
        },
        requestKey,
      );
      if (!created) return campaign;
      await refreshProgress(campaign).catch(quietly("campaign progress not shown", { campaign: campaign.id }));
      return campaign;
    },

    /**
     * One tick: start campaigns whose day has come (their segment becomes one row
     * per customer), hand out what is due at a pace Slack takes, notice customers
     * who came back, close campaigns that ended, and keep each progress message true.
     */
    async processCampaigns(): Promise<TickResult> {
      const result: TickResult = { started: 0, sent: 0, retried: 0, skipped: 0, closed: 0 };
      const running = await campaigns.running(deps.now());
      for (const campaign of running) {
        if (campaign.populatedAt) continue;
        // One failing campaign must not hold up the others.
        // Customers without an owner go to the team's agents at work, in turn, least busy first.
        const settings = await deps.settings.load(campaign.workspaceId);
        const teamId = campaign.teamId ?? settings.people.find((p) => p.id === campaign.createdById)?.teamId ?? null;
        const handOut = await deps.handOut(settings, teamId, deps.now());
        await campaigns
          .populate(campaign, deps.now(), handOut)
          .then(() => {
            result.started++;
          })
          .catch(quietly("campaign not started", { campaign: campaign.id }));
      }
      const open = running.filter((c) => c.endsAt > deps.now());
      if (open.length) await deliver(open, result);
      for (const campaign of running.filter((c) => c.endsAt <= deps.now())) {
        if (await campaigns.close(campaign, deps.now())) {
          campaign.endedAt = deps.now();
          result.closed++;
        }
      }
      const touched = await campaigns.markWonBack(deps.now());
      for (const campaign of running)
        await refreshProgress(campaign).catch(quietly("campaign progress not updated", { campaign: campaign.id }));
      // Customers keep coming back after a campaign ended: its message keeps counting them.
      for (const { workspaceId, campaignId } of touched) {
        if (running.some((c) => c.id === campaignId)) continue;
        const ended = await campaigns.get(workspaceId, campaignId);
        if (ended) await refreshProgress(ended).catch(quietly("campaign progress not updated", { campaignId }));
      }
      return result;
    },

    /**
     * The person the customer was handed to says how it went: contacted (logged
     * as an interaction with the customer), accepted or declined (contacted too).
     */
    async respond(
      workspaceId: string,
      outreachId: string,
      actor: Member,
      response: OutreachResponse,
      /** What the contact is logged as, in the person's words. */
      contactSummary: (campaign: Outreach["campaign"]) => string,
    ): Promise<Outreach> {
      const outreach = await campaigns.getOutreach(workspaceId, outreachId);
      if (!outreach) throw new DomainError("campaignNotFound");
      if (outreach.recipient.id !== actor.id && actor.role === "agent") throw Errors.notAllowed();
      const at = deps.now();
      if (!outreach.contactedAt) {
        await deps.interactions.log({
          workspaceId,
          authorId: actor.id,
          customer: { id: outreach.customer.id },
          kind: "other",
          channel: "other",
          summary: contactSummary(outreach.campaign),
          outcome: "pending",
          occurredAt: at,
          requestKey: `outreach:${outreach.id}`,
        });
      }
      await campaigns.respond(outreach, response, actor.id, at);
      const campaign = await campaigns.get(workspaceId, outreach.campaign.id);
      if (campaign) await refreshProgress(campaign).catch(quietly("campaign progress not updated", { outreachId }));
      return { ...outreach, contactedAt: outreach.contactedAt ?? at, response };
    },

    /** Stops a campaign early (whoever started it, or a director or admin): what was not handed out is left. */
    async stop(workspaceId: string, campaignId: string, actor: Member): Promise<Campaign> {
      const campaign = await campaigns.get(workspaceId, campaignId);
      if (!campaign) throw new DomainError("campaignNotFound");
      if (campaign.createdById !== actor.id && actor.role !== "director" && actor.role !== "admin")
        throw new DomainError("campaignNotYours");
      const at = deps.now();
      await campaigns.stop(campaign, actor.id, at);
      const stopped = { ...campaign, endsAt: campaign.endsAt > at ? at : campaign.endsAt };
      if (await campaigns.close(stopped, at)) stopped.endedAt = at;
      await refreshProgress(stopped).catch(quietly("campaign progress not updated", { campaignId }));
      return stopped;
    },
  };
}

export type CampaignService = ReturnType<typeof createCampaignService>;
