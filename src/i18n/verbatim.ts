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

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Escaped, and if that is longer than `max`, cut (never inside an entity or a character) with an ellipsis. */
export function escapeCut(text: string, max: number): string {
  const escaped = escapeText(text);
  if (escaped.length <= max) return escaped;
  let out = "";
  for (const { segment } of graphemes.segment(text)) {
    const next = escapeText(segment);
    if (out.length + next.length > max - 1) break;
    out += next;
  }
  return `${out}…`;
}
