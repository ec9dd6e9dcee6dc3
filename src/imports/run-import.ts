import { stringify } from "csv-stringify/sync";
import { decodeFile } from "../domain/imports/decode-file.js";
import { type ColumnMapping, IMPORT_FIELDS, mappingFrom, proposeMapping } from "../domain/imports/header-mapping.js";
import { createImportRepository } from "../domain/imports/import.repository.js";
import { createImportService, type ImportPlan } from "../domain/imports/import.service.js";
import { parseCsv, readRows, type SkipReason } from "../domain/imports/import-rows.js";
import { createMemberRepository } from "../domain/members/member.repository.js";
import type { PrismaClient } from "../generated/prisma/client.js";

// A customer file imported into one workspace: read, mapped, planned, shown, then (unless a dry
// run) applied. The command line (src/cli/import-customers.ts) is a thin shell around it.

export interface ImportRun {
  bytes: Uint8Array;
  /** `{ "name": "Company", "owner": "Account Owner" }`: header names or column numbers (from 1). */
  mapping?: Record<string, string | number>;
  dryRun: boolean;
  workspaceId: string;
  /** Who asked (the audit's actor); none from the command line. */
  actorId?: string | null;
  /** Rows that share only a name with a customer come in as new customers (the admin's decision). */
  createNamesakes?: boolean;
}

export interface ImportIo {
  /** What the person reads (the preview, the result). */
  say(line: string): void;
  /** Progress, overwritten in place. */
  progress(done: number, total: number, counts: { created: number; updated: number }): Promise<void> | void;
  /** Asked before each batch: true stops the import there. */
  stopped?(): Promise<boolean>;
  now(): Date;
  /** The Slack user with this email (users.lookupByEmail), or null. */
  slackUserByEmail(email: string): Promise<string | null>;
}

export type ImportProblem =
  | "empty"
  | "tooLarge"
  | "binary"
  | "noHeader"
  | "tooManyColumns"
  | "unreadable"
  | "badMapping"
  | "noNameColumn";

export type ImportOutcome =
  | { ok: false; problem: string; code: ImportProblem; detail: string }
  | {
      ok: true;
      plan: ImportPlan;
      mapping: ColumnMapping;
      header: string[];
      rejectedCsv: string;
      applied: { created: number; updated: number; stopped: boolean } | null;
    };

const REASONS: Record<SkipReason["code"], (r: never) => string> = {
  noName: () => "no name",
  nameTooLong: (r: { max: number }) => `the name is longer than ${r.max} characters`,
  badEmail: (r: { value: string }) => `"${r.value}" is not an email address`,
  badDate: (r: { value: string }) => `"${r.value}" is not a date (write 2026-10-03 or 03.10.2026)`,
  tooManyColumns: (r: { count: number; max: number }) => `${r.count} columns (at most ${r.max})`,
  duplicateInFile: (r: { line: number }) => `the same id, email or phone as line ${r.line}`,
};
export const reasonText = (reason: SkipReason) => (REASONS[reason.code] as (r: SkipReason) => string)(reason);

/** Each problem in English, for the command line (Slack says it in the reader's language). */
const PROBLEMS: Record<ImportProblem, (detail: string) => string> = {
  empty: () => "The file is empty.",
  tooLarge: () => "The file is larger than 50 MB: split it, or import it in parts.",
  binary: () => "This is not a text file: export the sheet as CSV (comma or semicolon separated, UTF-8) and try again.",
  noHeader: () => "The first line should name the columns (Name, Email, Phone…), and it is empty.",
  tooManyColumns: () => "The header has more than 200 columns: export only the customer's columns.",
  unreadable: (detail) => `The file could not be read as CSV: ${detail}`,
  badMapping: (detail) =>
    `The mapping names "${detail}", which is not a field (${IMPORT_FIELDS.join(", ")}) or a column of the header.`,
  noNameColumn: (detail) =>
    `No column holds the customer's name. The header is: ${detail}. Give a mapping such as {"name": "Company"} with --mapping.`,
};
const problem = (code: ImportProblem, detail = ""): ImportOutcome => ({
  ok: false,
  code,
  detail,
  problem: PROBLEMS[code](detail),
});

const SLACK_ID = /^<?@?(U[A-Z0-9]{2,})(?:\|[^>]*)?>?$/;

export async function runImport(prisma: PrismaClient, run: ImportRun, io: ImportIo): Promise<ImportOutcome> {
  const decoded = decodeFile(run.bytes);
  if (!decoded.ok) return problem(decoded.problem);
  const parsed = await parseCsv(decoded.text);
  if (!parsed.ok) return problem(parsed.problem, parsed.detail ?? "");
  const { header } = parsed;
  const mapping = run.mapping ? mappingFrom(run.mapping, header) : proposeMapping(header);
  if (typeof mapping === "string") return problem("badMapping", mapping.slice(0, 80));
  if (mapping.name === undefined && mapping.firstName === undefined && mapping.lastName === undefined)
    return problem(
      "noNameColumn",
      header
        .slice(0, 20)
        .map((h) => h.slice(0, 40))
        .join(", "),
    );

  const members = createMemberRepository(prisma);
  // An owner is a Slack user (their id, or their email through Slack); met for the first time, registered.
  const ownerOf = async (workspaceId: string, reference: string): Promise<string | null> => {
    const slackId =
      SLACK_ID.exec(reference.trim())?.[1] ??
      (reference.includes("@") ? await io.slackUserByEmail(reference.trim().toLowerCase()) : null);
    if (!slackId) return null;
    const found = await members.find(workspaceId, slackId);
    if (found) return found.id;
    if (run.dryRun) return slackId; // would be registered
    const member = await members.create(
      workspaceId,
      slackId,
      "agent",
      { displayName: null, locale: null, timeZone: null },
      null,
    );
    return member.id;
  };
  const service = createImportService({ repository: createImportRepository(prisma), ownerOf });
  const { rows, skipped } = await readRows(parsed.rows, mapping, io.now());
  const plan = await service.plan(run.workspaceId, rows, skipped, run.createNamesakes ?? false);

  io.say(
    `Read ${parsed.rows.length} rows (${decoded.encoding}). Columns: ${Object.entries(mapping)
      .map(([field, i]) => `${field} ← "${header[i] ?? ""}"`)
      .join(", ")}.`,
  );
  io.say(
    `To create: ${plan.creates.length}. To update: ${plan.updates.length}. Unchanged: ${plan.unchanged}. Skipped: ${plan.skipped.length}. Same name as a customer, left for you to decide: ${plan.sameName.length}.`,
  );
  for (const s of plan.skipped.slice(0, 10)) io.say(`  line ${s.line} skipped: ${reasonText(s.reason)}`);
  for (const s of plan.sameName.slice(0, 10))
    io.say(
      `  line ${s.row.line}: "${s.row.name}" has the name of an existing customer and no id, email or phone in common with them`,
    );
  if (plan.ownersNotFound.length)
    io.say(
      `Owners not found in Slack (imported without an owner): ${plan.ownersNotFound.length}, e.g. line ${plan.ownersNotFound[0]?.line} "${plan.ownersNotFound[0]?.owner}".`,
    );
  const rejectedCsv = stringify([
    ["line", "reason", ...header],
    ...plan.skipped.map((s) => [String(s.line), reasonText(s.reason), ...s.cells]),
    ...plan.sameName.map((s) => [
      String(s.row.line),
      `same name as the existing customer ${s.customer.name}`,
      ...(parsed.rows[s.row.line - 2] ?? []),
    ]),
  ]);
  if (run.dryRun) {
    io.say("Dry run: nothing was changed.");
    return { ok: true, plan, mapping, header, rejectedCsv, applied: null };
  }
  const applied = await service.apply(
    run.workspaceId,
    run.actorId ?? null,
    plan,
    (p) => io.progress(p.done, p.total, { created: p.created, updated: p.updated }),
    io.stopped,
  );
  io.say(
    `Done: ${applied.created} created, ${applied.updated} updated, ${plan.unchanged} unchanged, ${plan.skipped.length + plan.sameName.length} not imported.`,
  );
  return { ok: true, plan, mapping, header, rejectedCsv, applied };
}
