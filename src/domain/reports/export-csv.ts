// The export's CSV files: UTF-8 with a byte-order mark (so spreadsheets read the
// accents and scripts right), RFC 4180 quoting by csv-stringify, and any cell a
// spreadsheet would run as a formula made inert with a leading apostrophe.
import { stringify } from "csv-stringify";
import { zoned } from "../escalations/business-calendar.js";
import type { EscalationRow, InteractionRow } from "./export.repository.js";

const BOM = "\uFEFF";
/** A complaint's recovery, as the export writes it. */
const RECOVERY_WORDS: Record<string, string> = {
  recovered: "recovered",
  notRecovered: "not_recovered",
  lost: "lost",
  pending: "pending",
};
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a person typed, safe to open in a spreadsheet. */
export const inert = (value: string | null | undefined): string => {
  const text = value ?? "";
  return FORMULA_START.test(text) ? `'${text}` : text;
};

/** "2026-11-17 09:30" on the reader's clock. */
export function localTime(at: Date | null, timeZone: string): string {
  if (!at) return "";
  const z = zoned(at, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${z.year}-${two(z.month)}-${two(z.day)} ${two(Math.floor(z.minutes / 60))}:${two(z.minutes % 60)}`;
}

async function toCsv<T>(
  header: string[],
  rows: AsyncIterable<T>,
  cells: (row: T) => string[],
): Promise<{ bytes: Buffer; rows: number }> {
  const out = stringify({ header: true, columns: header, record_delimiter: "windows" });
  const chunks: Buffer[] = [Buffer.from(BOM, "utf8")];
  out.on("data", (chunk: Buffer | string) => chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, "utf8")));
  const finished = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  let n = 0;
  for await (const row of rows) {
    n++;
    if (!out.write(cells(row))) await new Promise((resolve) => out.once("drain", resolve));
  }
  out.end();
  await finished;
  return { bytes: Buffer.concat(chunks), rows: n };
}

export function interactionsCsv(rows: AsyncIterable<InteractionRow>, timeZone: string) {
  return toCsv(
    [
      `occurred_at (${timeZone})`,
      "customer",
      "customer_id",
      "kind",
      "channel",
      "outcome",
      "sentiment",
      "summary",
      "logged_by",
      "source",
      "category",
      "root_cause",
      "root_cause_note",
      "recovery",
      "interaction_id",
    ],
    rows,
    (r) => [
      localTime(r.occurredAt, timeZone),
      inert(r.customer),
      inert(r.customerExternalId),
      r.kind,
      r.channel,
      r.outcome,
      r.sentiment ?? "",
      inert(r.summary),
      inert(r.author),
      inert(r.permalink),
      inert(r.category),
      inert(r.rootCause),
      inert(r.rootCauseNote),
      RECOVERY_WORDS[r.recovery ?? ""] ?? "",
      r.id,
    ],
  );
}

/** "yes" when it happened by the deadline, "no" when it did not (or the deadline passed without it), "" while still open to be. */
function inTime(at: Date | null, deadline: Date, now: Date): string {
  if (at) return at <= deadline ? "yes" : "no";
  return deadline < now ? "no" : "";
}

export function escalationsCsv(rows: AsyncIterable<EscalationRow>, timeZone: string, now = new Date()) {
  return toCsv(
    [
      `raised_at (${timeZone})`,
      "customer",
      "team",
      "raised_by",
      "status",
      "severity",
      "reason",
      "requested_action",
      "amount",
      "deadline",
      "answered_in_time",
      "decided_at",
      "decided_in_time",
      "decided_by",
      "decision_note",
      "escalation_id",
    ],
    rows,
    (r) => [
      localTime(r.createdAt, timeZone),
      inert(r.customer),
      inert(r.team),
      inert(r.raisedBy),
      r.status,
      r.severity,
      inert(r.reason),
      inert(r.requestedAction),
      r.amount ?? "",
      localTime(r.dueAt, timeZone),
      inTime(r.firstAnsweredAt, r.dueAt, now),
      localTime(r.decidedAt, timeZone),
      inTime(r.decidedAt, r.handoffAt, now),
      inert(r.decidedBy),
      inert(r.decisionNote),
      r.id,
    ],
  );
}
