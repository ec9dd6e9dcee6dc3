/** What a webhook can be told of. */
export const WEBHOOK_EVENTS = [
  "interaction.logged",
  "escalation.opened",
  "escalation.decided",
  "followUp.done",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Where events go out to the systems around the team; the webhooks implement it. */
export interface EventSink {
  emit(workspaceId: string, event: WebhookEvent, payload: Record<string, unknown>): Promise<void>;
}

export const noEvents: EventSink = { emit: async () => {} };

export interface WebhookInfo {
  id: string;
  url: string;
  events: WebhookEvent[];
  createdAt: Date;
  /** The latest delivery's outcome, if any. */
  last: { status: "pending" | "delivered" | "failed"; at: Date; httpStatus: number | null } | null;
  /** Deliveries that gave up, the last seven days. */
  failures: number;
}

export interface DueDelivery {
  id: string;
  webhookId: string;
  url: string;
  secret: string;
  event: WebhookEvent;
  payload: unknown;
  attempts: number;
  createdAt: Date;
}
