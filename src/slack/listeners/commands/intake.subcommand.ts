import type { SubcommandInput } from "./subcommand.js";

// `<#C0123|support>` as Slack escapes a channel mention, or a bare channel ID.
const CHANNEL = /^(?:<#([CG][A-Z0-9]+)(?:\|[^>]*)?>|([CG][A-Z0-9]+))\s+(on|off)$/i;

/** `/rapport intake #channel on|off` (admins): every new message there becomes an interaction. */
export async function intakeSubcommand({ person, args, respond, deps }: SubcommandInput): Promise<void> {
  const { t } = person;
  const match = CHANNEL.exec(args.trim());
  const channel = match?.[1] ?? match?.[2];
  if (!match || !channel) {
    await respond({ response_type: "ephemeral", text: t("intake.usage") });
    return;
  }
  const on = match[3]?.toLowerCase() === "on";
  await deps.intake.set(person.member, channel, on);
  await respond({ response_type: "ephemeral", text: t(on ? "intake.on" : "intake.off", { channel }) });
}
