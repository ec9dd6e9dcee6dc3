import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import { DomainError } from "../../../domain/errors.js";
import { errorText } from "../../error-text.js";
import { personOf } from "../../middleware/resolve-person.js";
import type { Person } from "../../people.js";
import { tellPerson } from "../../reply.js";
import { buildErrorMessage } from "../../views/error.view.js";
import { buildSavingView } from "../../views/saving.view.js";

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Who submitted the form; errors reported afterwards speak their language. */
export function submitter(args: SubmitArgs): Promise<Person> {
  return personOf(args.context);
}

/**
 * A form submission always gets an answer within Slack's 3 seconds: if its
 * handler fails before answering (a stale or forged form), the form says so
 * instead of Slack's "trouble connecting"; the error still reaches the reporter.
 */
export function answered(handler: (args: SubmitArgs) => Promise<void>) {
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
        const t = await submitter(args)
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

/**
 * A form's save, answered in time: stored within the budget, the form closes (or becomes `next`); if
 * not, it says "still saving" and then becomes `next` or "saved" (failing, the person is told with
 * what they typed). A refusal in time shows beside its field. Resolves with what was stored, or null.
 */
export async function saveAndClose<T>(
  args: SubmitArgs,
  person: Person,
  work: Promise<T>,
  options: {
    field: string | ((error: unknown) => string);
    typed: string;
    channelId?: string | undefined;
    next?: (stored: T) => ModalView | undefined;
  },
): Promise<T | null> {
  const { t } = person;
  const stored = await withinAckBudget(work, () => args.ack({ response_action: "update", view: buildSavingView(t) }));
  if (stored.ok) {
    const next = options.next?.(stored.value);
    if (!stored.late) await (next ? args.ack({ response_action: "update", view: next }) : args.ack());
    else
      await args.client.views
        .update({ view_id: args.view.id, view: next ?? buildSavingView(t, t("form.savedLate")) })
        .catch((error: unknown) => args.logger.warn(`could not update the form after a slow save: ${String(error)}`));
    return stored.value;
  }
  const { error } = stored;
  const message = error instanceof DomainError ? errorText(t, error) : t("form.errors.saveFailed");
  if (!(error instanceof DomainError)) args.logger.error(error);
  // Slack was told "still saving": the person hears why it was not saved, with what they typed.
  if (stored.late)
    await tellPerson(args.client, args.body.user.id, options.channelId, buildErrorMessage(message, t, options.typed));
  else {
    const field = typeof options.field === "function" ? options.field(error) : options.field;
    await args.ack({ response_action: "errors", errors: { [field]: message } });
  }
  return null;
}
