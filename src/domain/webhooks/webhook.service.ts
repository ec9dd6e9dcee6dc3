import { createHmac, randomBytes } from "node:crypto";
import { DomainError } from "../errors.js";
import type { Member } from "../members/member.types.js";
import type { WebhookRepository } from "./webhook.repository.js";
import { type EventSink, WEBHOOK_EVENTS, type WebhookEvent, type WebhookInfo } from "./webhook.types.js";

// Webhooks out: admins register URLs for events; each event becomes one delivery per hook, sent
// signed (HMAC-SHA256 of "v0:<timestamp>:<body>" with the hook's secret, as Slack signs its own),
// retried with back-off until the receiver answers 2xx, then kept for the admins' Home tab.

/** Minutes to wait after each failed attempt; after the last, the delivery gives up. */
export const BACKOFF_MINUTES = [1, 5, 30, 120, 720];
const LEASE_MS = 60_000;
const BATCH = 100;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** How a receiver checks a delivery came from Rapport: the same as Slack's request signature, v0. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** A URL a hook may post to: HTTPS, or plain HTTP to this machine only (a local receiver). */
export function webhookUrlOk(text: string): boolean {
  try {
    const url = new URL(text);
    if (url.username || url.password || text.length > 500) return false;
    if (url.protocol === "https:") return true;
    return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}

export interface WebhookDeps {
  webhooks: WebhookRepository;
  ensureAdmin: (member: Member) => Promise<boolean>;
  /** Sends one delivery; resolves with the receiver's HTTP status, rejects when it could not be reached. */
  post(url: string, body: string, headers: Record<string, string>): Promise<number>;
  now: () => Date;
  log: (message: string, context: Record<string, unknown>) => void;
}

export function createWebhookService(deps: WebhookDeps) {
  const adminOnly = async (actor: Member) => {
    if (!(await deps.ensureAdmin(actor))) throw new DomainError("apiAdminsOnly");
  };
  let running: Promise<number> | null = null;

  async function deliverDue(): Promise<number> {
    const now = deps.now();
    let delivered = 0;
    for (const d of await deps.webhooks.due(now, BATCH)) {
      if (!(await deps.webhooks.lease(d.id, now, new Date(now.getTime() + LEASE_MS)))) continue;
      const timestamp = Math.floor(deps.now().getTime() / 1000);
      const body = JSON.stringify({ id: d.id, event: d.event, createdAt: d.createdAt.toISOString(), data: d.payload });
      const headers = {
        "content-type": "application/json",
        "x-rapport-event": d.event,
        "x-rapport-delivery": d.id,
        "x-rapport-request-timestamp": String(timestamp),
        "x-rapport-signature": signWebhook(d.secret, timestamp, body),
      };
      const wait = BACKOFF_MINUTES[d.attempts];
      const retryAt = wait === undefined ? null : new Date(deps.now().getTime() + wait * 60_000);
      try {
        const status = await deps.post(d.url, body, headers);
        if (status >= 200 && status < 300) {
          await deps.webhooks.delivered(d.id, deps.now(), status);
          delivered++;
        } else await deps.webhooks.failed(d.id, status, `answered ${status}`, retryAt);
      } catch (error) {
        await deps.webhooks.failed(d.id, null, String(error), retryAt);
      }
    }
    return delivered;
  }

  /**
   * Delivers what is due now, one run at a time in this instance (others are kept apart by
   * leases); asked again during a run, it runs once more after it, so nothing queued meanwhile waits.
   */
  let again = false;
  const deliverNow = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let delivered = 0;
      do {
        again = false;
        delivered += await deliverDue();
      } while (again);
      return delivered;
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const sink: EventSink = {
    async emit(workspaceId, event, payload) {
      try {
        const queued = await deps.webhooks.enqueue(workspaceId, event, payload, deps.now());
        // Sent straight away, without holding up whoever caused it; the scheduler retries.
        if (queued > 0)
          setImmediate(() => {
            deliverNow().catch((error: unknown) => deps.log("webhook deliveries failed", { error: String(error) }));
          });
      } catch (error) {
        deps.log("webhook event not queued", { workspaceId, event, error: String(error) });
      }
    },
  };

  return {
    events: sink,
    deliverDue: deliverNow,
    /** A new hook; its secret is returned here, the one time it is shown. */
    async add(actor: Member, url: string, events: string[]): Promise<{ hook: WebhookInfo; secret: string }> {
      await adminOnly(actor);
      if (!webhookUrlOk(url)) throw new DomainError("webhookUrl");
      const unknown = events.filter((e) => !(WEBHOOK_EVENTS as readonly string[]).includes(e));
      if (unknown.length) throw new DomainError("webhookEvents", { events: WEBHOOK_EVENTS.join(", ") });
      const chosen = (events.length ? [...new Set(events)] : [...WEBHOOK_EVENTS]) as WebhookEvent[];
      const secret = `whsec_${randomBytes(24).toString("base64url")}`;
      const hook = await deps.webhooks.add(actor.workspaceId, actor.id, { url, secret, events: chosen });
      return { hook, secret };
    },
    async list(actor: Member): Promise<WebhookInfo[]> {
      await adminOnly(actor);
      return deps.webhooks.list(actor.workspaceId, new Date(deps.now().getTime() - WEEK_MS));
    },
    async remove(actor: Member, url: string): Promise<number> {
      await adminOnly(actor);
      return deps.webhooks.remove(actor.workspaceId, actor.id, url, deps.now());
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
