import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebClient } from "@slack/web-api";
import { type ApiDeps, apiRoutes } from "./api/api.routes.js";
import { recentlyKnown } from "./api/known-people.js";
import type { Config } from "./config/config.js";
import { type Database, type OpenDatabaseOptions, openDatabase } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { readMigrationFiles } from "./db/migration-files.js";
import { createReadinessCheck } from "./db/readiness.js";
import { createAbsenceRepository } from "./domain/absences/absence.repository.js";
import { createAbsenceService } from "./domain/absences/absence.service.js";
import { createCoverFinder, presentAgentsByOpenWork } from "./domain/absences/cover.js";
import { createApiReadRepository } from "./domain/api/api-read.repository.js";
import { createApiTokenRepository } from "./domain/api/api-token.repository.js";
import { createApiTokenService } from "./domain/api/api-token.service.js";
import { createIdempotencyRepository } from "./domain/api/idempotency.repository.js";
import { createCampaignRepository } from "./domain/campaigns/campaign.repository.js";
import { createCampaignService } from "./domain/campaigns/campaign.service.js";
import { createCustomerRepository } from "./domain/customers/customer.repository.js";
import { createCustomerService } from "./domain/customers/customer.service.js";
import { createDeliveryRepository } from "./domain/deliveries/delivery.repository.js";
import { createDraftRepository } from "./domain/drafts/draft.repository.js";
import { createEscalationRepository } from "./domain/escalations/escalation.repository.js";
import { createEscalationService } from "./domain/escalations/escalation.service.js";
import { createFollowUpRepository } from "./domain/follow-ups/follow-up.repository.js";
import { createFollowUpService } from "./domain/follow-ups/follow-up.service.js";
import { createImportJobRepository } from "./domain/imports/import-job.repository.js";
import { createIntakeRepository } from "./domain/intake/intake.repository.js";
import { createIntakeService } from "./domain/intake/intake.service.js";
import { createInteractionRepository } from "./domain/interactions/interaction.repository.js";
import { createInteractionService } from "./domain/interactions/interaction.service.js";
import { createLogFlow } from "./domain/interactions/log-interaction.flow.js";
import { createMemberRepository } from "./domain/members/member.repository.js";
import { createMemberService } from "./domain/members/member.service.js";
import { createReasonRepository } from "./domain/reasons/reason.repository.js";
import { createReasonService } from "./domain/reasons/reason.service.js";
import { createRootCauseService } from "./domain/reasons/root-cause.service.js";
import { createDigestDeliveryRepository } from "./domain/reports/digest-delivery.repository.js";
import { createDigestDeliveryService } from "./domain/reports/digest-delivery.service.js";
import { createExportRepository } from "./domain/reports/export.repository.js";
import { createHomeRepository } from "./domain/reports/home.repository.js";
import { createHomeService } from "./domain/reports/home.service.js";
import { createReportRepository } from "./domain/reports/report.repository.js";
import { createReportService } from "./domain/reports/report.service.js";
import { createTargetRepository } from "./domain/reports/target.repository.js";
import { createRetentionRepository } from "./domain/retention/retention.repository.js";
import { createRetentionService } from "./domain/retention/retention.service.js";
import { createHousekeeping } from "./domain/scheduling/housekeeping.service.js";
import { createJobRunRepository } from "./domain/scheduling/job-run.repository.js";
import { clip } from "./domain/text.js";
import { createWebhookRepository } from "./domain/webhooks/webhook.repository.js";
import { createWebhookService } from "./domain/webhooks/webhook.service.js";
import { createSettingsRepository } from "./domain/workspace-settings/settings.repository.js";
import { createSettingsService } from "./domain/workspace-settings/settings.service.js";
import type { WorkspaceSettings } from "./domain/workspace-settings/settings.types.js";
import { createI18n } from "./i18n/i18n.js";
import { matchLocale, SUPPORTED_LOCALES } from "./i18n/locales.js";
import { createImportFlow } from "./imports/import.flow.js";
import { type Logger, toBoltLogger } from "./logging/logger.js";
import { type Scheduler, startScheduler } from "./scheduler/scheduler.js";
import { ackWhatNoListenerTakes } from "./slack/ack-unhandled.js";
import { createAwayHintAsker } from "./slack/away-hint-asker.js";
import { createCampaignNotifier } from "./slack/campaign-notifier.js";
import { checkSlackToken } from "./slack/check-token.js";
import type { SlackDeps } from "./slack/deps.js";
import { createDigestNotifier } from "./slack/digest-notifier.js";
import { createErrorReporter } from "./slack/error-reporter.js";
import { createEscalationNotifier } from "./slack/escalation-notifier.js";
import { createFollowUpNotifier } from "./slack/follow-up-notifier.js";
import { healthRoutes } from "./slack/health-routes.js";
import { slackImportFiles } from "./slack/import-files.js";
import { createImportNotifier } from "./slack/import-notifier.js";
import { registerActions } from "./slack/listeners/actions/index.js";
import { registerCommands } from "./slack/listeners/commands/index.js";
import { registerEvents } from "./slack/listeners/events/index.js";
import { registerOptions } from "./slack/listeners/options/index.js";
import { registerShortcuts } from "./slack/listeners/shortcuts/index.js";
import { registerViews } from "./slack/listeners/views/index.js";
import { deduplicateEvents } from "./slack/middleware/deduplicate-events.js";
import { createInFlightTracker } from "./slack/middleware/in-flight.js";
import { refreshHomeAfterActions } from "./slack/middleware/refresh-home.js";
import { resolvePerson } from "./slack/middleware/resolve-person.js";
import { stripNul } from "./slack/middleware/strip-nul.js";
import { createPendingCallNotifier, slackUserByEmail } from "./slack/pending-call-notifier.js";
import { createPersonResolver } from "./slack/people.js";
import { createRetentionNotifier } from "./slack/retention-notifier.js";
import { createSlackApp } from "./slack/slack-app.js";
import { postWebhook } from "./webhooks/post-webhook.js";

export interface Rapport {
  /** The port the HTTP server listens on (useful when PORT=0). */
  port: number;
  database: Database;
  scheduler: Scheduler;
  /** Resolves once no Slack request is being handled (or after `timeoutMs`). */
  settled(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface RapportOptions {
  database?: OpenDatabaseOptions;
  /** How long shutdown waits for requests in flight. */
  drainTimeoutMs?: number;
  /** The clock (tests move it). */
  now?: () => Date;
  /** Listen on this address only (the sandbox: 127.0.0.1); all addresses when unset. */
  host?: string;
  /** Run the node-cron clock (tests drive jobs with scheduler.runNow instead). */
  clock?: boolean;
}

// The composition root: config → db → repositories → services → Slack app.
export async function startRapport(config: Config, logger: Logger, options: RapportOptions = {}): Promise<Rapport> {
  const migrations = await readMigrationFiles();
  const database = await openDatabase(config.database, logger, options.database);
  try {
    await migrate(database.sql, logger, migrations);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }

  const now = options.now ?? (() => new Date());
  const { prisma } = database;
  const i18n = await createI18n(config.defaultLocale);
  const members = createMemberService(createMemberRepository(prisma), {
    defaultLocale: config.defaultLocale,
    defaultTimeZone: config.defaultTimeZone,
    adminSlackUserIds: config.adminSlackUserIds,
    now,
  });
  const customerRepository = createCustomerRepository(prisma);
  const deliveries = createDeliveryRepository(prisma);
  const settingsRepository = createSettingsRepository(prisma);
  const absenceRepository = createAbsenceRepository(prisma);
  const absences = createAbsenceService({ absences: absenceRepository, settings: settingsRepository, now });
  // DMs from scheduled work: no retries inside the client; the services retry, looking first
  // for what an uncertain attempt may have posted (src/slack/post-once.ts).
  const delivery = new WebClient(config.slack.botToken, {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    logger: toBoltLogger(logger),
  });
  try {
    await checkSlackToken(delivery, config.slack.apiUrl ?? "https://slack.com/api/");
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  const webhookRepository = createWebhookRepository(prisma);
  const webhooks = createWebhookService({
    webhooks: webhookRepository,
    ensureAdmin: members.ensureAdmin,
    post: postWebhook,
    now,
    log: (message, context) => logger.warn(context, message),
  });
  const interactions = createInteractionService(
    createInteractionRepository(prisma),
    now,
    async (workspaceId) => (await settingsRepository.load(workspaceId)).days.satisfactionDays,
    webhooks.events,
  );
  const app = createSlackApp(config, toBoltLogger(logger), [
    ...healthRoutes(createReadinessCheck(database.sql, migrations)),
    ...apiRoutes(() => apiDeps),
  ]);
  const followUpRepository = createFollowUpRepository(prisma);
  const coverDeps = { absences: absenceRepository, openWork: followUpRepository.openCounts };
  const coverFor = createCoverFinder(coverDeps);
  const presentAgents = (settings: WorkspaceSettings, teamId: string | null, at: Date) =>
    presentAgentsByOpenWork(coverDeps, settings, teamId, at);
  const followUps = createFollowUpService({
    followUps: followUpRepository,
    settings: settingsRepository,
    interactions,
    notifier: createFollowUpNotifier({
      client: app.client,
      delivery,
      i18n,
      members,
      defaultLocale: config.defaultLocale,
    }),
    coverFor,
    presentAgents,
    events: webhooks.events,
    now,
    log: (message, context) => logger.warn(context, message),
  });
  const escalations = createEscalationService({
    events: webhooks.events,
    escalations: createEscalationRepository(prisma),
    settings: settingsRepository,
    absences: absenceRepository,
    interactions,
    followUps,
    notifier: createEscalationNotifier({
      client: app.client,
      delivery,
      i18n,
      members,
      defaultLocale: config.defaultLocale,
    }),
    now,
    log: (message, context) => logger.warn(context, message),
  });
  const retention = createRetentionService({
    retention: createRetentionRepository(prisma),
    settings: settingsRepository,
    notifier: createRetentionNotifier({ delivery, i18n, members, defaultLocale: config.defaultLocale }),
    coverFor,
    absences: absenceRepository,
    now,
    log: (message, context) => logger.warn(context, message),
  });
  const instanceId = randomUUID();
  const campaigns = createCampaignService({
    campaigns: createCampaignRepository(prisma),
    settings: settingsRepository,
    handOut: presentAgents,
    interactions,
    notifier: createCampaignNotifier({
      client: app.client,
      delivery,
      i18n,
      members,
      defaultLocale: config.defaultLocale,
    }),
    now,
    instanceId,
    log: (message, context) => logger.warn(context, message),
  });
  const digestDeliveries = createDigestDeliveryRepository(prisma);
  const reports = createReportService({
    reports: createReportRepository(prisma),
    targets: createTargetRepository(prisma),
    exports: createExportRepository(prisma, now),
    settings: settingsRepository,
    schedule: digestDeliveries,
    absences: absenceRepository,
    now,
  });
  const digests = createDigestDeliveryService({
    deliveries: digestDeliveries,
    reports,
    notifier: createDigestNotifier({ delivery, i18n, members, defaultLocale: config.defaultLocale, logger }),
    now,
    instanceId,
    log: (message, context) => logger.warn(context, message),
  });
  const customers = createCustomerService(customerRepository);
  const drafts = createDraftRepository(prisma);
  const apiTokens = createApiTokenService({
    tokens: createApiTokenRepository(prisma),
    ensureAdmin: members.ensureAdmin,
    now,
  });
  const reasonRepository = createReasonRepository(prisma);
  const reasons = createReasonService({
    reasons: reasonRepository,
    ensureAdmin: members.ensureAdmin,
    defaultNames: (key) => SUPPORTED_LOCALES.map((locale) => i18n.translator(locale)(`reasons.default.${key}`)),
    now,
  });
  const rootCauses = createRootCauseService({
    repository: reasonRepository,
    check: reasons.check,
    interactions,
    escalations,
    satisfactionCheck: async (interaction) =>
      followUps.addForInteraction(
        interaction,
        interaction.authorId,
        (await settingsRepository.load(interaction.workspaceId)).days.satisfactionDays,
        clip(interaction.summary, 500),
      ),
    now,
  });
  const logging = createLogFlow({
    match: customers.match,
    log: interactions.log,
    edit: interactions.edit,
    get: interactions.get,
    reasons,
    createCustomer: customers.create,
    drafts,
    now,
  });
  const importJobs = createImportJobRepository(prisma);
  const imports = createImportFlow({
    prisma,
    jobs: importJobs,
    files: slackImportFiles(app.client, config.slack.botToken),
    notifier: createImportNotifier({
      client: app.client,
      i18n,
      members,
      defaultLocale: config.defaultLocale,
      jobs: importJobs,
      now,
    }),
    ensureAdmin: members.ensureAdmin,
    // Owners named by email: Slack's users.lookupByEmail, each address asked once per ten minutes.
    slackUserByEmail: slackUserByEmail(delivery),
    now,
    log: (message, context) => logger.warn(context, message),
  });
  const apiDeps: ApiDeps = {
    tokens: apiTokens,
    idempotency: createIdempotencyRepository(prisma),
    read: createApiReadRepository(prisma),
    logging,
    members: { findKnown: recentlyKnown(members.findKnown) },
    settings: settingsRepository,
    reports,
    customers,
    slackUserByEmail: slackUserByEmail(delivery),
    askToComplete: createPendingCallNotifier({ client: delivery, i18n, members, defaultLocale: config.defaultLocale }),
    rateLimit: config.apiRateLimit,
    now,
    log: (message, context) => logger.warn(context, message),
  };
  const deps: SlackDeps = {
    identify: createPersonResolver(
      members,
      i18n,
      config.defaultLocale,
      createAwayHintAsker(absences),
      (message, context) => logger.warn(context, message),
    ),
    members,
    customers,
    interactions,
    drafts,
    logging,
    apiTokens,
    webhooks,
    reasons,
    rootCauses,
    imports,
    intake: createIntakeService(createIntakeRepository(prisma), members),
    followUps,
    escalations,
    retention,
    campaigns,
    reports,
    home: createHomeService({
      home: createHomeRepository(prisma),
      reports,
      settings: settingsRepository,
      absences,
      apiTokens,
      webhooks,
      now,
    }),
    settings: createSettingsService(settingsRepository, members),
    absences,
    translator: (locale) => i18n.translator(locale),
    channelTranslator: async (workspaceId) =>
      i18n.translator(matchLocale(await members.workspaceLocale(workspaceId)) ?? config.defaultLocale),
    now,
    log: (message, context) => logger.warn(context, message),
  };

  const inFlight = createInFlightTracker();
  app.use(inFlight.middleware);
  app.use(stripNul);
  app.use(deduplicateEvents(deliveries));
  app.use(resolvePerson(deps.identify));
  app.use(refreshHomeAfterActions(deps));
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerShortcuts(app, deps);
  registerOptions(app, deps);
  registerEvents(app, deps);
  ackWhatNoListenerTakes(app);
  app.error(createErrorReporter({ i18n, defaultLocale: config.defaultLocale, logger, client: app.client }));

  const started = (await (options.host
    ? app.start({ port: config.port, host: options.host } as unknown as number)
    : app.start(config.port))) as Server | undefined;
  const address = started?.address?.() as AddressInfo | null | undefined;
  const port = address?.port ?? config.port;

  const jobRuns = createJobRunRepository(prisma);
  const housekeeping = createHousekeeping({
    jobRuns,
    deliveries,
    apiKeys: apiDeps.idempotency,
    webhookDeliveries: webhookRepository,
    now,
  });
  const scheduler = startScheduler(
    [
      { name: "escalation-deadlines", schedule: "* * * * *", run: () => escalations.processDue() },
      { name: "follow-ups", schedule: "* * * * *", run: () => followUps.processDue() },
      { name: "retention", schedule: "7 * * * *", run: () => retention.processRetention() },
      { name: "campaigns", schedule: config.campaignSchedule, run: () => campaigns.processCampaigns() },
      { name: "digests", schedule: "* * * * *", run: () => digests.processDigests() },
      { name: "housekeeping", schedule: "17 * * * *", run: () => housekeeping.prune() },
      { name: "webhooks", schedule: "* * * * *", run: () => webhooks.deliverDue() },
      // An import whose instance died mid-way is taken up again (the rows written are found again).
      { name: "imports", schedule: "* * * * *", run: () => imports.resumeAbandoned() },
    ],
    jobRuns,
    instanceId,
    logger,
    options.clock ?? true,
  );

  logger.info(
    { port, instanceId, database: database.kind, socketMode: Boolean(config.slack.appToken) },
    "Rapport is running",
  );
  let stopping: Promise<void> | undefined;
  return {
    port,
    database,
    scheduler,
    settled: (timeoutMs = 5_000) => inFlight.drained(timeoutMs),
    stop() {
      stopping ??= (async () => {
        // Stop taking requests and ticking, let what is in flight finish, then close the database.
        await scheduler.stop();
        await app.stop().catch((error: unknown) => logger.warn({ err: error }, "stopping the Slack receiver failed"));
        await inFlight.drained(options.drainTimeoutMs ?? 10_000);
        await database.close();
        logger.info("Rapport stopped");
      })();
      return stopping;
    },
  };
}
