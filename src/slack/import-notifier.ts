import type { WebClient } from "@slack/web-api";
import type { ImportJobRepository } from "../domain/imports/import-job.repository.js";
import type { MemberService } from "../domain/members/member.service.js";
import type { I18n } from "../i18n/i18n.js";
import type { SupportedLocale } from "../i18n/locales.js";
import type { ImportNotifier } from "../imports/import.flow.js";
import { recipientTranslator } from "./recipient-translator.js";
import { uploadFile } from "./upload-file.js";
import { buildImportPreview, buildImportProgress, buildImportResult, importProblemText } from "./views/import.view.js";

/** The admin's DM: the preview, then the same message updating itself, then the result and the rows not imported. */
export function createImportNotifier(deps: {
  client: WebClient;
  i18n: I18n;
  members: MemberService;
  defaultLocale: SupportedLocale;
  jobs: ImportJobRepository;
  now: () => Date;
}): ImportNotifier {
  const tFor = recipientTranslator(deps, 60_000);
  const update = async (
    job: Parameters<ImportNotifier["progress"]>[0],
    message: { text: string; blocks: unknown[] },
  ) => {
    if (job.dmChannelId && job.messageTs) {
      await deps.client.chat.update({ channel: job.dmChannelId, ts: job.messageTs, ...(message as { text: string }) });
      return;
    }
    const posted = await deps.client.chat.postMessage({
      channel: job.requestedBySlackId,
      ...(message as { text: string }),
    });
    if (posted.channel && posted.ts) {
      await deps.jobs.place(job.id, posted.channel, posted.ts);
      Object.assign(job, { dmChannelId: posted.channel, messageTs: posted.ts });
    }
  };
  // Every row set aside, with its reason, as a CSV file in the admin's DM.
  const shareRejected = async (
    job: Parameters<ImportNotifier["preview"]>[0],
    planned: Parameters<ImportNotifier["preview"]>[1],
    title: string,
  ) => {
    if (planned.plan.skipped.length + planned.plan.sameName.length === 0 || !job.dmChannelId) return;
    await uploadFile(deps.client, {
      filename: `${job.filename.replace(/\.[^.]*$/, "")}-not-imported.csv`,
      title,
      bytes: Buffer.from(`\uFEFF${planned.rejectedCsv}`, "utf8"),
      channelId: job.dmChannelId,
    });
  };
  return {
    async preview(job, planned) {
      const t = await tFor(job.workspaceId, job.requestedBySlackId);
      await update(job, buildImportPreview(t, job, planned));
      await shareRejected(job, planned, t("import.rejectedTitle"));
    },
    async progress(job, startedAt) {
      const t = await tFor(job.workspaceId, job.requestedBySlackId);
      await update(job, buildImportProgress(t, job, startedAt, deps.now().getTime()));
    },
    async result(job, planned) {
      const t = await tFor(job.workspaceId, job.requestedBySlackId);
      await update(job, buildImportResult(t, job, planned));
      await shareRejected(job, planned, t("import.rejectedTitle"));
    },
    async problem(to, code, detail) {
      const t = await tFor(to.workspaceId, to.slackUserId);
      const text = importProblemText(t, code, detail);
      await deps.client.chat.postMessage({
        channel: to.slackUserId,
        text,
        blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
      });
    },
  };
}
