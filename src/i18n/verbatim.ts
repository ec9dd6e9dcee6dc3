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
