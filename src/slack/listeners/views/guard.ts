import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import type { Person } from "../../people.js";

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Who submitted the form; errors reported afterwards speak their language. */
export async function submitter(deps: SlackDeps, args: SubmitArgs): Promise<Person> {
  const found = await deps.identify(args.body.team?.id ?? args.context.teamId ?? "", args.body.user.id, args.client);
  args.context.locale = found.locale;
  return found;
}

/**
 * A form submission always gets an answer within Slack's 3 seconds: if its
 * handler fails before answering (a stale or forged form), the form says so
 * instead of Slack's "trouble connecting"; the error still reaches the reporter.
 */
export function answered(deps: SlackDeps, handler: (args: SubmitArgs) => Promise<void>) {
  return async (args: SubmitArgs) => {
    let acked = false;
    const ack: SubmitArgs["ack"] = async (response?: Parameters<SubmitArgs["ack"]>[0]) => {
      acked = true;
      await args.ack(response);
    };
    try {
      await handler({ ...args, ack });
    } catch (error) {
      if (!acked) {
        const t = await submitter(deps, args)
          .then((p) => p.t)
          .catch(() => null);
        await args.ack(
          t
            ? {
                response_action: "update",
                view: {
                  type: "modal",
                  title: { type: "plain_text", text: "Rapport" },
                  close: { type: "plain_text", text: t("form.cancel") },
                  blocks: [{ type: "section", text: { type: "mrkdwn", text: t("errors.badPayload") } }],
                },
              }
            : { response_action: "clear" },
        );
      }
      throw error;
    }
  };
}

/** Slack waits 3 s for a form's answer; work still running at 2.5 s gets an answer of its own. */
export const ACK_BUDGET_MS = 2_500;

export type Timed<T> = { ok: true; value: T; late: boolean } | { ok: false; error: unknown; late: boolean };

/**
 * Runs a form's work, and if it is not done within the budget calls `onLate` (which answers Slack,
 * e.g. with a "still saving" view) while the work goes on: the person is never told nothing was
 * saved for something that was. `late` says whether Slack was answered already.
 */
export async function withinAckBudget<T>(
  work: Promise<T>,
  onLate: () => Promise<void>,
  budgetMs = ACK_BUDGET_MS,
): Promise<Timed<T>> {
  let late: Promise<void> | undefined;
  const timer = setTimeout(() => {
    late = onLate().catch(() => {});
  }, budgetMs);
  try {
    const value = await work;
    return { ok: true, value, late: Boolean(late) };
  } catch (error) {
    return { ok: false, error, late: Boolean(late) };
  } finally {
    clearTimeout(timer);
    await late;
  }
}
