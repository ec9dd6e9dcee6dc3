import { graphemes } from "../domain/text.js";

// A value that goes into a message as it is. Strings interpolated into a translation are escaped;
// these are not: mrkdwn the app wrote itself (a mention, a date token, text escaped already) or
// text bound for a plain_text field, where Slack shows characters as they are.
export class Verbatim {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
  toJSON(): string {
    return this.text;
  }
}

export const verbatim = (text: string): Verbatim => new Verbatim(text);

export const isVerbatim = (value: unknown): value is Verbatim => value instanceof Verbatim;

/** Slack's three control characters, escaped: what a person typed can't mention, ping or link. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** What escapeText undid: the three entities back to the characters a person typed. */
export function unescapeText(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * Escaped, and if that is longer than `max`, cut (never inside an entity or a character) with an
 * ellipsis — at the last space when that keeps more than half, if `atWord`.
 */
export function escapeCut(text: string, max: number, atWord = false): string {
  const escaped = escapeText(text);
  if (escaped.length <= max) return escaped;
  let budget = max - 1; // the ellipsis
  let end = 0;
  for (const { segment } of graphemes.segment(text)) {
    const cost = escapeText(segment).length;
    if (cost > budget) break;
    budget -= cost;
    end += segment.length;
  }
  const cut = text.slice(0, end);
  const lastSpace = atWord ? cut.lastIndexOf(" ") : -1;
  return `${escapeText((lastSpace > end / 2 ? cut.slice(0, lastSpace) : cut).trimEnd())}…`;
}
