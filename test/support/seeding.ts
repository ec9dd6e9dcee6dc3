// What the figure tests seed with: a repeatable random sequence, and weeks in Kolkata worked out by hand.

/** A small seeded generator (mulberry32): the same rows on every run. */
export function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const KOLKATA = "Asia/Kolkata";
/** Kolkata is UTC+05:30 all year: its Monday midnight is Sunday 18:30 UTC. */
export const KOLKATA_OFFSET = 5.5 * 60 * 60_000;

/** Monday 00:00 in Kolkata of the week holding `at`, worked out by hand from the fixed offset. */
export function kolkataMonday(at: Date): Date {
  const local = new Date(at.getTime() + KOLKATA_OFFSET);
  const weekday = (local.getUTCDay() + 6) % 7; // 0 = Monday
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - weekday) - KOLKATA_OFFSET);
}
