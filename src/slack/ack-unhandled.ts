import type { App } from "@slack/bolt";

/**
 * A request no listener acknowledges (a stale button from an old version, `view_closed`, a shortcut
 * we don't have) is acknowledged as soon as its processing ends, instead of Bolt's 404 after three
 * seconds, which Slack shows the person as an error.
 */
export function ackWhatNoListenerTakes(app: App): void {
  const process = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    let acked = false;
    const ack: typeof event.ack = async (response) => {
      acked = true;
      return event.ack(response);
    };
    try {
      await process({ ...event, ack });
    } finally {
      if (!acked) await event.ack().catch(() => {});
    }
  };
}
