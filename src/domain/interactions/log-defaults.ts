import type { Channel, Kind, Outcome } from "./vocabulary.js";

// What a log gets when the person did not say: the one place these defaults live (the one-line
// grammar's own kind and channel defaults come from the vocabulary, and are the same words).

export { DEFAULT_CHANNEL, DEFAULT_KIND } from "./vocabulary.js";
/** Where free text most likely came from, when nothing in it says otherwise. */
export const GUESSED_CHANNEL = { dm: "chat", intake: "other" } as const satisfies Record<string, Channel>;

export type LogSurface = "command" | "dm" | "intake" | "draft" | "form" | "api";

/**
 * An intake post is logged for someone to pick up, so it stays pending; elsewhere a complaint
 * usually needs more work and anything else was usually dealt with on the spot.
 */
export function defaultOutcome(kind: Kind, surface: LogSurface): Outcome {
  if (surface === "intake") return "pending";
  return kind === "complaint" ? "pending" : "resolved";
}
