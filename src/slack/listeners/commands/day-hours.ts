/** "08:00-16:00" as minutes after midnight, or null when it is not a span within one day. */
export function dayHours(text: string | undefined): { start: number; end: number } | null {
  const match = /^(\d{1,2}):([0-5]\d)\s*-\s*(\d{1,2}):([0-5]\d)$/.exec(text?.trim() ?? "");
  if (!match) return null;
  const start = Number(match[1]) * 60 + Number(match[2]);
  const end = Number(match[3]) * 60 + Number(match[4]);
  return start < end && end <= 24 * 60 ? { start, end } : null;
}
