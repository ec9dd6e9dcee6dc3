// What the stand-in is told to do wrong, method by method: fail the next calls as described, fail at
// random (seeded, so a run repeats), answer late.

type Json = Record<string, unknown>;

export type Failure =
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "server_error"; status?: number }
  | { kind: "error"; error: string };

/** Random failures of one method, drawn from a seeded generator so a run can be repeated. */
export interface Chaos {
  rateLimited?: number;
  serverError?: number;
  /** A 500 after the message was posted: the caller cannot know it went through. */
  serverErrorAfterPosting?: number;
  retryAfterSeconds?: number;
  seed?: number;
}

/** mulberry32: small, fast, and the same sequence for the same seed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FailurePlan {
  private readonly failures = new Map<string, Array<Failure & { when?: (args: Json) => boolean }>>();
  private readonly delays = new Map<string, number[]>();
  private readonly chaos = new Map<string, Chaos & { random: () => number }>();

  /** The next `times` calls of `method` (those `when` picks, if given) fail as described. */
  failNext(method: string, failure: Failure, times = 1, when?: (args: Json) => boolean): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(when ? { ...failure, when } : failure);
    this.failures.set(method, queue);
  }

  /** Fails calls of `method` at random, as told (until `calm`). */
  unsettle(method: string, chaos: Chaos): void {
    this.chaos.set(method, { ...chaos, random: seeded(chaos.seed ?? 1) });
  }

  calm(method: string): void {
    this.chaos.delete(method);
  }

  /** The next call of `method` is answered only after `ms` milliseconds (a slow Slack). */
  delayNext(method: string, ms: number): void {
    this.delays.set(method, [...(this.delays.get(method) ?? []), ms]);
  }

  /**
   * For one call (after its delay, if any): the failure to answer with instead of doing it, or
   * `failAfter` — do it, then answer 500.
   */
  async decide(method: string, args: Json): Promise<{ failure?: Failure; failAfter: boolean }> {
    const delay = this.delays.get(method)?.shift();
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const chaos = this.chaos.get(method);
    const roll = chaos ? chaos.random() : 1;
    const odds = (p: number | undefined) => p ?? 0;
    const queued = this.failures.get(method) ?? [];
    const next = queued.findIndex((f) => !f.when || f.when(args));
    const failure: Failure | undefined =
      (next >= 0 ? queued.splice(next, 1)[0] : undefined) ??
      (chaos && roll < odds(chaos.rateLimited)
        ? { kind: "rate_limited", retryAfterSeconds: chaos.retryAfterSeconds ?? 1 }
        : chaos && roll < odds(chaos.rateLimited) + odds(chaos.serverError)
          ? { kind: "server_error" }
          : undefined);
    const failAfter =
      chaos !== undefined &&
      !failure &&
      roll < odds(chaos.rateLimited) + odds(chaos.serverError) + odds(chaos.serverErrorAfterPosting);
    return { failure, failAfter };
  }
}
