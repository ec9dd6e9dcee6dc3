// Cutting what people typed without breaking it: never inside a character a reader sees as one
// (an emoji with its modifiers, a letter with its accents), and never leaving half a surrogate pair,
// which PostgreSQL's JSON refuses and Slack shows as �.

export const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** At most `max` UTF-16 units (what JavaScript, Slack and our limits count), on a character boundary. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (end + segment.length > max) break;
    end += segment.length;
  }
  return text.slice(0, end);
}

/** What a text shows once invisible characters (zero-width, controls but line breaks and tabs) are gone. */
export function visibleText(text: string): string {
  return text.replace(/\p{Cf}|(?![\n\t])\p{Cc}/gu, "").trim();
}
