import { parseWhen } from "../../../domain/follow-ups/when.parser.js";
import { clip } from "../../../domain/text.js";
import { slackDate } from "../../format.js";
import { escapeMrkdwn } from "../../mrkdwn.js";
import { buildCustomerList } from "../../views/customer-card.view.js";
import type { SubcommandInput } from "./subcommand.js";

/** `/rapport followup <customer> <when>: <note>`: the last words before the colon say when. */
export async function followupSubcommand({ person, args, respond, deps }: SubcommandInput): Promise<void> {
  const { member, t } = person;
  const separator = args.indexOf(":");
  const note = separator >= 0 ? args.slice(separator + 1).trim() : "";
  const words = (separator >= 0 ? args.slice(0, separator) : args).trim().split(/\s+/).filter(Boolean);
  let when: ReturnType<typeof parseWhen> = null;
  let customerWords = words;
  for (let take = Math.min(4, words.length - 1); take >= 1 && !when; take--) {
    when = parseWhen(words.slice(-take).join(" "));
    if (when) customerWords = words.slice(0, -take);
  }
  if (!when || customerWords.length === 0 || !note) {
    await respond({ response_type: "ephemeral", text: t("followUpCommand.usage") });
    return;
  }
  const reference = customerWords.join(" ");
  const match = await deps.customers.match(member.workspaceId, reference);
  if (match.status === "new") {
    await respond({ response_type: "ephemeral", text: t("customer.notFound", { name: escapeMrkdwn(reference) }) });
    return;
  }
  if (match.status !== "found") {
    await respond({ response_type: "ephemeral", ...buildCustomerList(t, reference, match.candidates) });
    return;
  }
  const created = await deps.followUps.addForCustomer(member, match.customer.id, when, clip(note, 500));
  await respond({
    response_type: "ephemeral",
    text: t("followUp.created", { customer: escapeMrkdwn(match.customer.name), date: slackDate(created.dueAt) }),
  });
}
