import type { AbsenceService } from "../domain/absences/absence.service.js";
import type { ApiTokenService } from "../domain/api/api-token.service.js";
import type { CampaignService } from "../domain/campaigns/campaign.service.js";
import type { CustomerService } from "../domain/customers/customer.service.js";
import type { DraftRepository } from "../domain/drafts/draft.repository.js";
import type { EscalationService } from "../domain/escalations/escalation.service.js";
import type { FollowUpService } from "../domain/follow-ups/follow-up.service.js";
import type { IntakeService } from "../domain/intake/intake.service.js";
import type { InteractionService } from "../domain/interactions/interaction.service.js";
import type { LogFlow } from "../domain/interactions/log-interaction.flow.js";
import type { MemberService } from "../domain/members/member.service.js";
import type { ReasonService } from "../domain/reasons/reason.service.js";
import type { RootCauseService } from "../domain/reasons/root-cause.service.js";
import type { HomeService } from "../domain/reports/home.service.js";
import type { ReportService } from "../domain/reports/report.service.js";
import type { RetentionService } from "../domain/retention/retention.service.js";
import type { WebhookService } from "../domain/webhooks/webhook.service.js";
import type { SettingsService } from "../domain/workspace-settings/settings.service.js";
import type { Translate } from "../i18n/i18n.js";
import type { SupportedLocale } from "../i18n/locales.js";
import type { ImportFlow } from "../imports/import.flow.js";
import type { IdentifyPerson } from "./people.js";

/** What the Slack listeners may call: services only, never Prisma. */
export interface SlackDeps {
  identify: IdentifyPerson;
  members: MemberService;
  customers: CustomerService;
  interactions: InteractionService;
  drafts: DraftRepository;
  /** Every way of logging an interaction: one request in, one outcome out. */
  logging: LogFlow;
  intake: IntakeService;
  followUps: FollowUpService;
  escalations: EscalationService;
  retention: RetentionService;
  campaigns: CampaignService;
  reports: ReportService;
  home: HomeService;
  settings: SettingsService;
  absences: AbsenceService;
  /** API tokens, kept by admins. */
  apiTokens: ApiTokenService;
  /** Webhooks out, kept by admins. */
  webhooks: WebhookService;
  /** Complaint reason categories. */
  reasons: ReasonService;
  rootCauses: RootCauseService;
  imports: ImportFlow;
  /** The workspace's language, for what is posted where everyone reads it. */
  channelTranslator: (workspaceId: string) => Promise<Translate>;
  /** Any one language's words. */
  translator: (locale: SupportedLocale) => Translate;
  now: () => Date;
  /** A warning for the log (something went wrong that the person need not see). */
  log: (message: string, context: Record<string, unknown>) => void;
}
