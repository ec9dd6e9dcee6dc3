import type { ActionsBlock, KnownBlock, ModalView } from "@slack/types";
import type { ImportJob } from "../../domain/imports/import-job.repository.js";
import type { SkipReason } from "../../domain/imports/import-rows.js";
import type { Translate } from "../../i18n/i18n.js";
import type { ImportOutcome } from "../../imports/run-import.js";
import { ACTIONS, BLOCK_IDS, CALLBACKS } from "../ids.js";
import { escapeMrkdwn, fitMrkdwn, mrkdwnText, shorten } from "../mrkdwn.js";
import { encode, ImportJobRefSchema } from "../payloads.js";
import { count } from "./report-format.js";

type Planned = Extract<ImportOutcome, { ok: true }>;
const plain = (text: string) => ({ type: "plain_text" as const, text });
const section = (text: string): KnownBlock => ({
  type: "section",
  text: { type: "mrkdwn", text: fitMrkdwn(text, 3_000) },
});
/** Lines of each kind listed before "and N more" (all are in the rejected rows' file). */
const LISTED = 10;

/** Import customers: one CSV file, read and previewed before anything is written. */
export function buildImportForm(t: Translate): ModalView {
  return {
    type: "modal",
    callback_id: CALLBACKS.importForm,
    title: plain(shorten(t("import.formTitle"), 24)),
    submit: plain(shorten(t("import.formSubmit"), 24)),
    close: plain(shorten(t("form.cancel"), 24)),
    blocks: [
      section(t("import.formIntro")),
      {
        type: "input",
        block_id: BLOCK_IDS.importFile,
        label: plain(t("import.fileLabel")),
        hint: plain(t("import.fileHint")),
        element: {
          type: "file_input",
          action_id: `${BLOCK_IDS.importFile}_input`,
          filetypes: ["csv", "txt", "tsv"],
          max_files: 1,
        },
      },
    ],
  };
}

export function skipReasonText(t: Translate, reason: SkipReason): string {
  switch (reason.code) {
    case "noName":
      return t("import.reason.noName");
    case "nameTooLong":
      return t("import.reason.nameTooLong", { max: reason.max });
    case "badEmail":
      return t("import.reason.badEmail", { value: mrkdwnText(reason.value, 100) });
    case "badDate":
      return t("import.reason.badDate", { value: mrkdwnText(reason.value, 40) });
    case "tooManyColumns":
      return t("import.reason.tooManyColumns", { count: count(t, reason.count), max: reason.max });
    case "duplicateInFile":
      return t("import.reason.duplicateInFile", { line: reason.line });
  }
}

const button = (action: string, text: string, job: ImportJob, style?: "primary" | "danger", namesakes = false) => ({
  type: "button" as const,
  action_id: action,
  text: plain(shorten(text, 75)),
  value: encode(ImportJobRefSchema, { j: job.id, ...(namesakes ? { n: true as const } : {}) }),
  ...(style ? { style } : {}),
});

/** What the import would do, with Import and Cancel. */
export function buildImportPreview(
  t: Translate,
  job: ImportJob,
  planned: Planned,
): { text: string; blocks: KnownBlock[] } {
  const { plan, mapping, header } = planned;
  const toWrite = plan.creates.length + plan.updates.length;
  const columns = Object.entries(mapping)
    .map(([field, i]) => `${t(`import.field.${field}`)} ← “${mrkdwnText(header[i] ?? "", 40)}”`)
    .join(", ");
  const lines = [
    ...plan.skipped
      .slice(0, LISTED)
      .map((s) => t("import.skippedLine", { line: s.line, reason: skipReasonText(t, s.reason) })),
    ...plan.sameName
      .slice(0, LISTED)
      .map((s) => t("import.sameNameLine", { line: s.row.line, name: mrkdwnText(s.row.name, 100) })),
  ];
  const more = plan.skipped.length + plan.sameName.length - lines.length;
  const title = t("import.previewTitle", { file: mrkdwnText(job.filename, 100) });
  const buttons: ActionsBlock["elements"] = [
    ...(toWrite > 0 ? [button(ACTIONS.importConfirm, t("import.confirm", { count: toWrite }), job, "primary")] : []),
    // The decision on namesakes: by default they stay out; this brings them in as new customers.
    ...(plan.sameName.length > 0
      ? [
          {
            ...button(
              ACTIONS.importConfirm,
              t("import.confirmNamesakes", { count: toWrite + plan.sameName.length }),
              job,
              undefined,
              true,
            ),
            action_id: `${ACTIONS.importConfirm}_namesakes`,
          },
        ]
      : []),
    button(ACTIONS.importStop, t("import.cancel"), job),
  ];
  return {
    text: title,
    blocks: [
      section(
        [
          `*${title}*`,
          t("import.counts", {
            create: count(t, plan.creates.length),
            update: count(t, plan.updates.length),
            unchanged: count(t, plan.unchanged),
            skipped: count(t, plan.skipped.length),
            sameName: count(t, plan.sameName.length),
          }),
          t("import.columns", { columns }),
          ...(plan.ownersNotFound.length ? [t("import.ownersNotFound", { count: plan.ownersNotFound.length })] : []),
          ...(toWrite === 0 ? [t("import.nothingToDo")] : []),
        ].join("\n"),
      ),
      ...(lines.length
        ? [section([...lines, ...(more > 0 ? [t("import.more", { count: more })] : [])].join("\n"))]
        : []),
      { type: "actions", block_id: BLOCK_IDS.importActions, elements: buttons },
    ],
  };
}

/** How far it got, with the time left at the pace so far, and Stop. */
export function buildImportProgress(
  t: Translate,
  job: ImportJob,
  startedAt: number,
  now: number,
): { text: string; blocks: KnownBlock[] } {
  const elapsed = Math.max(1, now - startedAt);
  const left = job.rowsDone > 0 ? Math.ceil(((job.rowsTotal - job.rowsDone) * elapsed) / job.rowsDone / 1000) : null;
  const text = t("import.progress", {
    file: mrkdwnText(job.filename, 100),
    done: count(t, job.rowsDone),
    total: count(t, job.rowsTotal),
    created: count(t, job.created),
    updated: count(t, job.updated),
    left: left === null ? "–" : t("import.seconds", { count: left }),
  });
  return {
    text,
    blocks: [
      section(text),
      {
        type: "actions",
        block_id: BLOCK_IDS.importActions,
        elements: [button(ACTIONS.importStop, t("import.stop"), job, "danger")],
      },
    ],
  };
}

/** The end: what was done (all, or up to a stop), what was not and where to find it. */
export function buildImportResult(
  t: Translate,
  job: ImportJob,
  planned: Planned | null,
): { text: string; blocks: KnownBlock[] } {
  const notImported = planned ? planned.plan.skipped.length + planned.plan.sameName.length : 0;
  const key =
    job.status === "stopped" ? "import.stopped" : job.status === "cancelled" ? "import.cancelled" : "import.done";
  const text = t(key, {
    file: mrkdwnText(job.filename, 100),
    created: count(t, job.created),
    updated: count(t, job.updated),
    unchanged: count(t, planned?.plan.unchanged ?? 0),
    notImported: count(t, notImported),
    done: count(t, job.rowsDone),
    total: count(t, job.rowsTotal),
  });
  return {
    text,
    blocks: [
      section(text),
      ...(notImported > 0 && job.status !== "cancelled"
        ? [{ type: "context" as const, elements: [{ type: "mrkdwn" as const, text: t("import.rejectedFile") }] }]
        : []),
    ],
  };
}

export const importProblemText = (t: Translate, code: string, detail: string) =>
  t(`import.problem.${code}`, { detail: escapeMrkdwn(detail.slice(0, 300)) });
