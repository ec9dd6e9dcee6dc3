import { openLogForm } from "../../log-form.js";
import { loggedCard } from "../../logged-card.js";
import { buildCustomerChoice, buildLogProblem } from "../../views/log-problems.view.js";
import type { SubcommandInput } from "./subcommand.js";

/** `/rapport log …`: one line logs at once; no text opens the form. */
export async function logSubcommand({ person, args, command, client, respond, deps }: SubcommandInput): Promise<void> {
  const { member, t } = person;
  if (!args.trim()) {
    await openLogForm(
      deps,
      { client: client, triggerId: command.trigger_id, t: t, workspaceId: member.workspaceId },
      {},
      { channelId: command.channel_id },
    );
    return;
  }
  const outcome = await deps.logging.log(
    { workspaceId: member.workspaceId, memberId: member.id, role: member.role },
    { surface: "command", text: args, replyChannelId: command.channel_id, requestKey: `command:${command.trigger_id}` },
  );
  if (outcome.status === "logged") {
    await respond({ response_type: "ephemeral", ...(await loggedCard(deps, person, outcome.logged)) });
  } else if (outcome.status === "chooseCustomer") {
    await respond({ response_type: "ephemeral", ...buildCustomerChoice(t, outcome) });
  } else if (outcome.status === "draft" && outcome.problem) {
    // Nothing typed is lost: the draft keeps it for the form.
    const { code, ...params } = outcome.problem;
    await respond({
      response_type: "ephemeral",
      ...buildLogProblem(t, t(`log.errors.${code}`, params), outcome.draft.id),
    });
  }
}
