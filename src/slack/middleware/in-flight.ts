import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";

/** Counts requests still being handled, so shutdown can wait for them to finish. */
export function createInFlightTracker() {
  let running = 0;
  let idle: Array<() => void> = [];
  const middleware: Middleware<AnyMiddlewareArgs> = async ({ next }) => {
    running += 1;
    try {
      await next();
    } finally {
      running -= 1;
      if (running === 0) {
        for (const resolve of idle) resolve();
        idle = [];
      }
    }
  };
  return {
    middleware,
    get running() {
      return running;
    },
    /** Resolves when nothing is in flight, or after `timeoutMs`, whichever comes first. */
    drained(timeoutMs: number): Promise<void> {
      if (running === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        idle.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
