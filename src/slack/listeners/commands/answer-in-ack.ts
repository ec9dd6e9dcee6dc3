import type { RespondArguments, RespondFn } from "@slack/bolt";

// Slack waits 3 seconds for a command's acknowledgement; we give ourselves this much of it.
export const COMMAND_ACK_BUDGET_MS = 2_500;

type Ack = (response?: string | RespondArguments) => Promise<void>;

export interface CommandAnswer {
  /** The answer: in the acknowledgement itself while it has not gone, through response_url after. */
  respond: RespondFn;
  /** Acknowledges with nothing if no answer went yet (a form was opened, or nothing to say). */
  finish(): Promise<void>;
}

/**
 * A command's work runs before its acknowledgement: when it is quick, the answer travels in the
 * acknowledgement (a confirmed log is a stored log, with no second round trip). When the budget
 * runs out first, an empty acknowledgement goes at once and the answer follows on response_url.
 */
export function answerInAck(ack: Ack, respond: RespondFn, budgetMs = COMMAND_ACK_BUDGET_MS): CommandAnswer {
  let acked = false;
  const ackOnce = async (message?: RespondArguments) => {
    if (acked) return false;
    acked = true;
    clearTimeout(timer);
    await ack(message);
    return true;
  };
  const timer = setTimeout(() => void ackOnce().catch(() => {}), budgetMs);
  return {
    respond: (async (message: string | RespondArguments) => {
      const body = typeof message === "string" ? { text: message } : message;
      if (await ackOnce(body)) return;
      return respond(body);
    }) as RespondFn,
    async finish() {
      await ackOnce();
    },
  };
}
