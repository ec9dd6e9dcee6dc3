import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { DeliveryRepository } from "../../domain/deliveries/delivery.repository.js";

/**
 * Slack redelivers an event it thinks we missed (X-Slack-Retry-Num), and Bolt
 * does not de-duplicate: each event_id is handled once. A failed attempt gives
 * its claim back, so the retry can do the work.
 */
export function deduplicateEvents(deliveries: DeliveryRepository): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, logger }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== "string") return next();
    const key = `event:${eventId}`;
    if (!(await deliveries.claim(key))) {
      logger.debug(`skipping event ${eventId}: already handled`);
      return;
    }
    try {
      await next();
    } catch (error) {
      await deliveries.release(key).catch(() => {});
      throw error;
    }
  };
}
