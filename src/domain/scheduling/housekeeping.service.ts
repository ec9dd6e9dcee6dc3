import type { DeliveryRepository } from "../deliveries/delivery.repository.js";
import type { JobRunRepository } from "./job-run.repository.js";

// The rows that make retries and scheduled fires happen once are needed only for a while: Slack
// redelivers an event within minutes, and a fire's claim matters while instances may still run it.
const DAY_MS = 24 * 60 * 60 * 1000;
export const KEEP_DELIVERIES_MS = DAY_MS;
export const KEEP_JOB_RUNS_MS = 7 * DAY_MS;
/** An Idempotency-Key answers the same for a week. */
export const KEEP_API_KEYS_MS = 7 * DAY_MS;
/** Finished webhook deliveries stay a month for the admins to look back on. */
export const KEEP_WEBHOOK_DELIVERIES_MS = 30 * DAY_MS;
// Deleted a slice at a time, so one run never holds a long lock or a long transaction.
const SLICE = 5_000;
const MAX_SLICES = 40;

type Prunable = { prune(before: Date, limit: number): Promise<number> };

export function createHousekeeping(deps: {
  jobRuns: JobRunRepository;
  deliveries: DeliveryRepository;
  apiKeys: Prunable;
  webhookDeliveries: Prunable;
  now: () => Date;
}) {
  async function pruneAll(prune: (before: Date, limit: number) => Promise<number>, before: Date): Promise<number> {
    let total = 0;
    for (let slice = 0; slice < MAX_SLICES; slice++) {
      const removed = await prune(before, SLICE);
      total += removed;
      if (removed < SLICE) break;
    }
    return total;
  }

  return {
    async prune(): Promise<{ deliveries: number; jobRuns: number; apiKeys: number; webhookDeliveries: number }> {
      const now = deps.now().getTime();
      return {
        deliveries: await pruneAll(deps.deliveries.prune, new Date(now - KEEP_DELIVERIES_MS)),
        jobRuns: await pruneAll(deps.jobRuns.prune, new Date(now - KEEP_JOB_RUNS_MS)),
        apiKeys: await pruneAll(deps.apiKeys.prune, new Date(now - KEEP_API_KEYS_MS)),
        webhookDeliveries: await pruneAll(deps.webhookDeliveries.prune, new Date(now - KEEP_WEBHOOK_DELIVERIES_MS)),
      };
    },
  };
}
