import { expect } from "vitest";
import { answerTo, button, latest } from "./slack-helpers.js";
import type { TestApp } from "./test-app.js";

// A workspace with two teams, their managers, a director and an admin, open around the clock (UTC).
export const ADMIN = { user: "U0ADMIN", channel: "C0SETUP" };
export const AGENT = { user: "U0AGENT", channel: "C0SUPPORT" };
export const MGR1 = { user: "U0MGR1", channel: "C0MGRS" };
export const MGR2 = { user: "U0MGR2", channel: "C0MGRS" };
export const OTHER_MGR = { user: "U0MGRX", channel: "C0MGRS" };
export const DIRECTOR = "U0DIR";

export async function setUpWorkspace(app: TestApp, extra: string[] = []) {
  for (const [id, name] of [
    [ADMIN.user, "ada"],
    [AGENT.user, "abe"],
    [MGR1.user, "mia"],
    [MGR2.user, "max"],
    [OTHER_MGR.user, "xena"],
    [DIRECTOR, "dora"],
  ] as const) {
    app.slack.addUser({ id, name });
  }
  for (const text of [
    "team Support channel <#C0MGRS|managers> director <@U0DIR|dora> director-channel <#C0DIRS|directors>",
    "team Sales channel <#C0SALESMGR|sales-managers>",
    "role <@U0AGENT|abe> agent team Support",
    "role <@U0MGR1|mia> manager team Support",
    "role <@U0MGR2|max> manager team Support",
    "role <@U0MGRX|xena> manager team Sales",
    "role <@U0DIR|dora> director",
    "hours 00:00-24:00 mon-sun UTC",
    ...extra,
  ]) {
    const answer = await answerTo(app, (await app.driver.command("/rapport", text, ADMIN)).responseUrl);
    expect(answer.text, text).not.toContain("Usage");
  }
}

/**
 * As `who`: logs `line` with /rapport log, presses Escalate on the card and
 * submits a normal refund escalation; resolves once its card is posted.
 */
export async function escalateFromCard(app: TestApp, line: string, who: { user: string; channel: string } = AGENT) {
  const card = await answerTo(app, (await app.driver.command("/rapport", `log ${line}`, who)).responseUrl);
  const escalate = button(card, "interaction_escalate");
  const opened = app.slack.callsTo("views.open").length;
  await app.driver.blockAction(who, { action_id: escalate.action_id, value: escalate.value });
  const view = (await latest(app, "views.open", opened)).args.view as Record<string, unknown>;
  const state = escalationFormState("refund please", view);
  await app.driver.viewSubmission(who, {
    id: `V${Math.random().toString(36).slice(2)}`,
    callback_id: view.callback_id,
    private_metadata: view.private_metadata,
    state,
  });
  await expect
    .poll(
      async () =>
        (await app.rapport.database.prisma.escalation.findFirst({ orderBy: { createdAt: "desc" } }))?.messageTs ?? null,
    )
    .not.toBeNull();
  return app.rapport.database.prisma.escalation.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
}

/**
 * Slack's view_submission state for the escalation form: a normal refund, for `reason`; for a
 * complaint's form (given `view`), filed under its first reason category.
 */
export function escalationFormState(reason: string, view?: Record<string, unknown>) {
  return {
    values: {
      ...reasonCategoryIn(view),
      reason: { reason_input: { value: reason } },
      severity: { severity_input: { selected_option: { value: "normal" } } },
      requested_action: { requested_action_input: { selected_option: { value: "refund" } } },
      amount: { amount_input: { value: null } },
      escalation_note: { escalation_note_input: { value: null } },
    },
  };
}

/** The state of an escalation form's reason category, its first option chosen (nothing when it has none). */
export function reasonCategoryIn(view?: Record<string, unknown>): Record<string, unknown> {
  const block = (
    (view?.blocks ?? []) as Array<{ block_id?: string; element?: { options?: Array<{ value: string }> } }>
  ).find((b) => b.block_id === "reason_category");
  const first = block?.element?.options?.[0]?.value;
  return first
    ? { reason_category: { reason_category_input: { type: "static_select", selected_option: { value: first } } } }
    : {};
}
