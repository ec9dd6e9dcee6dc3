import { clip } from "../domain/text.js";
import { escapeCut, escapeText, unescapeText, type Verbatim, verbatim } from "../i18n/verbatim.js";

/**
 * Escapes text a person typed before it goes into mrkdwn, so that it can never
 * mention @channel or people, or forge a link: Slack's three control characters.
 * The result is marked as mrkdwn already, so a translation does not escape it twice.
 */
export function escapeMrkdwn(text: string): Verbatim {
  return verbatim(escapeText(text));
}

/** Cuts text to at most `max` characters at a word boundary (never inside a character), ending with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = clip(text, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/**
 * Typed text for mrkdwn, escaped and then cut to at most `max` characters as Slack counts them
 * (after escaping: one `<` is four), never inside an entity or a character.
 */
export function mrkdwnText(text: string, max: number): Verbatim {
  return verbatim(escapeCut(text, max, true));
}

/** Typed text as a mrkdwn block quote (`>` before each line), escaped, at most `max` characters in all. */
export function quoteText(text: string, max: number, marker = ">"): Verbatim {
  let budget = max;
  for (;;) {
    const quoted = mrkdwnText(text, budget)
      .text.split("\n")
      .map((line) => `${marker}${line}`)
      .join("\n");
    if (quoted.length <= max || budget <= 1) return verbatim(quoted.slice(0, max));
    budget -= quoted.length - max;
  }
}

/**
 * A translation bound for a plain_text field (a header, a button, an option), where Slack shows
 * characters as they are: the values the translation escaped are turned back into what was typed.
 */
export function plainText(translated: string, max: number): string {
  return shorten(unescapeText(translated), max);
}

/**
 * Mrkdwn the app assembled (escaped already), cut to at most `max` characters if it must be:
 * at the last line break that keeps most of it, never inside an entity (`&amp;`) or a token (`<@U1>`).
 */
export function fitMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = clip(text, max - 1);
  const open = Math.max(cut.lastIndexOf("<"), cut.lastIndexOf("&"));
  if (open >= 0 && !/[>;]/.test(cut.slice(open))) cut = cut.slice(0, open);
  const lastBreak = cut.lastIndexOf("\n");
  return `${(lastBreak > max / 2 ? cut.slice(0, lastBreak) : cut).trimEnd()}…`;
}
