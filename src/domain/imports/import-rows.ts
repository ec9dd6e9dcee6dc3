import { parse } from "csv-parse";
import { normalizeEmail, normalizeName, normalizePhone } from "../customers/normalize.js";
import { visibleText } from "../text.js";
import type { ColumnMapping } from "./header-mapping.js";

// The rows of a customer file, each read into a customer or set aside with the reason. Nothing in a
// cell is run: a formula is kept as the text it is (the export makes such text inert again).

export const MAX_COLUMNS = 200;
const NAME_MAX = 140;
const NOTES_MAX = 2_000;
const TAGS_MAX = 20;

export interface ImportRow {
  /** The file's line number (the header is line 1). */
  line: number;
  name: string;
  email: string | null;
  phone: string | null;
  externalId: string | null;
  /** A Slack user (U…, <@U…>) or an email address, resolved when applied. */
  owner: string | null;
  tier: string | null;
  tags: string[];
  optedOut: boolean | null;
  lastContact: Date | null;
  notes: string | null;
}

export type SkipReason =
  | { code: "noName" }
  | { code: "nameTooLong"; max: number }
  | { code: "badEmail"; value: string }
  | { code: "badDate"; value: string }
  | { code: "tooManyColumns"; count: number; max: number }
  | { code: "duplicateInFile"; line: number };

export interface SkippedRow {
  line: number;
  reason: SkipReason;
  cells: string[];
}

export type ParsedFile =
  | { ok: true; header: string[]; rows: string[][] }
  | { ok: false; problem: "noHeader" | "tooManyColumns" | "unreadable"; detail?: string };

/** The delimiter the header line uses most: comma, semicolon (European Excel) or tab. */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((d) => [d, first.split(d).length] as const);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ",";
}

/** Lets the event loop answer what else is waiting (Slack's 3-second acks) between chunks of work. */
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

const CHUNK = 128 * 1024;

/**
 * The file's records, parsed a chunk at a time with a pause between chunks: a 50 MB file must not
 * hold up the acknowledgements of everyone else's requests while it is read.
 */
export async function parseCsv(text: string): Promise<ParsedFile> {
  const records: string[][] = [];
  const parser = parse({
    delimiter: delimiterOf(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
  });
  let failure: Error | undefined;
  parser.on("readable", () => {
    for (let record = parser.read(); record !== null; record = parser.read()) records.push(record as string[]);
  });
  parser.on("error", (error) => {
    failure = error;
  });
  const ended = new Promise<void>((resolve) => parser.on("end", resolve).on("error", () => resolve()));
  for (let at = 0; at < text.length && !failure; at += CHUNK) {
    parser.write(text.slice(at, at + CHUNK));
    await yieldToOthers();
  }
  parser.end();
  await ended;
  if (failure) return { ok: false, problem: "unreadable", detail: failure.message.slice(0, 200) };
  const [header, ...rows] = records;
  if (!header || header.every((h) => !visibleText(h))) return { ok: false, problem: "noHeader" };
  if (header.length > MAX_COLUMNS) return { ok: false, problem: "tooManyColumns", detail: String(header.length) };
  return { ok: true, header: header.map((h) => h.trim()), rows };
}

const YES = new Set(["yes", "y", "true", "1", "x", "sim", "s", "kylla", "k", "ja", "jā", "हाँ", "हां", "ஆம்"]);
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** 2026-10-03, 2026-10-03T09:30, 03.10.2026, 03/10/2026 (day first, unless that cannot be). */
export function readDate(text: string, now: Date): Date | null | "bad" {
  const value = text.trim();
  if (!value) return null;
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  const dotted = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?: .*)?$/.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dotted) {
    const [a, b] = [Number(dotted[1]), Number(dotted[2])];
    y = Number(dotted[3]);
    // Day first, as most of the world writes it; month first only when the day could not be a month.
    [d, m] = b > 12 && a <= 12 ? [b, a] : [a, b];
  } else return "bad";
  const at = new Date(Date.UTC(y, m - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return "bad";
  if (at.getTime() > now.getTime() + 24 * 60 * 60 * 1000 || y < 1900) return "bad";
  return at;
}

const cell = (cells: string[], index: number | undefined) =>
  index === undefined ? "" : visibleText(cells[index] ?? "");

/** Each row read as the mapping says; a later row with an id, email or phone seen before is set aside. */
export async function readRows(
  rows: string[][],
  mapping: ColumnMapping,
  now: Date,
): Promise<{ rows: ImportRow[]; skipped: SkippedRow[] }> {
  const out: ImportRow[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Map<string, number>();
  for (const [i, cells] of rows.entries()) {
    if (i % 2_000 === 1_999) await yieldToOthers();
    const line = i + 2;
    const skip = (reason: SkipReason) => void skipped.push({ line, reason, cells: cells.slice(0, MAX_COLUMNS) });
    if (cells.length > MAX_COLUMNS) {
      skip({ code: "tooManyColumns", count: cells.length, max: MAX_COLUMNS });
      continue;
    }
    const get = (field: keyof ColumnMapping) => cell(cells, mapping[field]);
    const name = get("name") || [get("firstName"), get("lastName")].filter(Boolean).join(" ");
    if (!visibleText(name)) {
      skip({ code: "noName" });
      continue;
    }
    if (name.length > NAME_MAX) {
      skip({ code: "nameTooLong", max: NAME_MAX });
      continue;
    }
    const emailText = get("email");
    if (emailText && !EMAIL.test(emailText)) {
      skip({ code: "badEmail", value: emailText.slice(0, 100) });
      continue;
    }
    const dateText = get("lastContact");
    const lastContact = readDate(dateText, now);
    if (lastContact === "bad") {
      skip({ code: "badDate", value: dateText.slice(0, 40) });
      continue;
    }
    const phoneText = get("phone");
    const phone =
      phoneText && normalizePhone(phoneText).replace("+", "").length >= 7 ? normalizePhone(phoneText) : null;
    const row: ImportRow = {
      line,
      name: name.replace(/\s+/g, " "),
      email: emailText ? normalizeEmail(emailText) : null,
      phone,
      externalId: get("externalId").slice(0, 64) || null,
      owner: get("owner") || null,
      tier: get("tier").slice(0, 40) || null,
      tags: [
        ...new Set(
          get("tags")
            .split(/[,;|]/)
            .map((t) => t.trim().toLowerCase().slice(0, 40))
            .filter(Boolean),
        ),
      ].slice(0, TAGS_MAX),
      optedOut: mapping.optedOut === undefined ? null : YES.has(get("optedOut").toLowerCase()),
      lastContact,
      notes: get("notes").slice(0, NOTES_MAX) || null,
    };
    const keys = [
      row.externalId ? `x:${row.externalId}` : null,
      row.email ? `e:${row.email}` : null,
      row.phone ? `p:${row.phone}` : null,
    ].filter((k): k is string => k !== null);
    // A row known by its name alone is the same as an earlier one of that name and nothing else.
    if (keys.length === 0) keys.push(`n:${normalizeName(row.name)}`);
    const earlier = keys.map((k) => seen.get(k)).find((n) => n !== undefined);
    if (earlier !== undefined) {
      skip({ code: "duplicateInFile", line: earlier });
      continue;
    }
    for (const k of keys) seen.set(k, line);
    out.push(row);
  }
  return { rows: out, skipped };
}
