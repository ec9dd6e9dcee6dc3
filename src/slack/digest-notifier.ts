import type { WebClient } from "@slack/web-api";
import type { MemberService } from "../domain/members/member.service.js";
import type { DigestNotifier } from "../domain/reports/digest.notifier.js";
import type { Digest } from "../domain/reports/digest.types.js";
import type { I18n } from "../i18n/i18n.js";
import type { SupportedLocale } from "../i18n/locales.js";
import type { Logger } from "../logging/logger.js";
import { renderWeeklyKindsChart } from "./charts/weekly-kinds.chart.js";
import { postOnce } from "./post-once.js";
import { recipientTranslator } from "./recipient-translator.js";
import { uploadFile } from "./upload-file.js";
import { buildDigestMessage } from "./views/digest.view.js";

export const DIGEST_EVENT = "rapport_digest";

/**
 * The digest's chart, uploaded privately for the message's image block to show.
 * A chart that cannot be drawn or uploaded leaves the digest without it rather than unsent.
 */
export async function uploadDigestChart(
  client: WebClient,
  digest: Digest,
  log: (message: string, context: Record<string, unknown>) => void,
): Promise<string | undefined> {
  try {
    const png = await renderWeeklyKindsChart(digest.weeks);
    return await uploadFile(client, {
      filename: `rapport-${digest.period.label}.png`,
      title: digest.period.label,
      bytes: png,
    });
  } catch (error) {
    log("the digest chart could not be uploaded; sending without it", {
      error: String(error),
      period: digest.period.label,
    });
    return undefined;
  }
}

/** Weekly digests by DM, in the recipient's language, each posted once (see post-once.ts). */
export function createDigestNotifier(deps: {
  delivery: WebClient;
  i18n: I18n;
  members: MemberService;
  defaultLocale: SupportedLocale;
  logger: Logger;
}): DigestNotifier {
  const translatorOf = recipientTranslator(deps);
  return {
    async sendDigest(to, digest, delivery, attempt) {
      const t = await translatorOf(to.workspaceId, to.slackUserId);
      const chartFileId = digest.quiet
        ? undefined
        : await uploadDigestChart(deps.delivery, digest, (message, context) => deps.logger.warn(context, message));
      return postOnce(
        deps.delivery,
        { to: to.slackUserId, eventType: DIGEST_EVENT, id: delivery.id, unsureSince: attempt.unsureSince },
        buildDigestMessage(t, digest, {
          ...(chartFileId ? { chartFileId } : {}),
          ...(delivery.late ? { late: { dueAt: delivery.dueAt } } : {}),
        }),
      );
    },
  };
}
