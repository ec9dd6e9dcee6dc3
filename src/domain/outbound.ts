// Messages the app sends on its own (DMs from scheduled work) are marked sent
// only after Slack confirms them. When an attempt fails in a way that leaves it
// unknown whether Slack posted the message (a 500, a time-out, an instance that
// died mid-send), the next attempt first looks for that message.

/** Slack said to wait: try again after this many seconds. Nothing was posted. */
export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited for ${retryAfterSeconds} s`);
  }
}

/** Slack refused the message and said why: nothing was posted. */
export class NotDelivered extends Error {}

/** Whether, after this failure, Slack may have posted the message anyway. */
export const mayHavePosted = (error: unknown): boolean =>
  !(error instanceof RateLimited || error instanceof NotDelivered);

/**
 * One attempt to send. `unsureSince`: an earlier attempt, made after this moment,
 * may have reached Slack — look for its message before posting again.
 */
export interface Attempt {
  unsureSince: Date | null;
}

/** A row taken to send it; `ranOut`: the lease an earlier holder let run out (it stopped mid-attempt). */
export interface Lease {
  ranOut: Date | null;
}

/** A lease from the holder's `leaseUntil` as it was before this caller took the row. */
export const leaseFrom = (was: Date | string | null): Lease => ({ ranOut: was ? new Date(was) : null });

/** The attempt a lease allows: after a lease that ran out, look first from when that lease began. */
export function attemptOf(lease: Lease, leaseMs: number): Attempt {
  return { unsureSince: lease.ranOut ? new Date(lease.ranOut.getTime() - leaseMs - 60_000) : null };
}

/** Where Slack put a message. */
export interface Posted {
  channelId: string;
  ts: string;
}
