import { zoned } from "../../../domain/escalations/business-calendar.js";
import { buildCampaignForm } from "../../views/campaign-form.view.js";
import type { SubcommandInput } from "./subcommand.js";

const isoDay = (at: Date, timeZone: string, addDays = 0) => {
  const z = zoned(at, timeZone);
  return new Date(Date.UTC(z.year, z.month - 1, z.day + addDays)).toISOString().slice(0, 10);
};

/** `/rapport campaign`: a manager, director or admin opens the win-back campaign form. */
export async function campaignSubcommand({ person, command, client, respond, deps }: SubcommandInput): Promise<void> {
  const { member, t } = person;
  if (member.role === "agent") {
    await respond({ response_type: "ephemeral", text: t("errors.campaignManagersOnly") });
    return;
  }
  const settings = await deps.settings.load(member.workspaceId);
  const timeZone = member.timeZone ?? settings.timeZone;
  const now = deps.now();
  await client.views.open({
    trigger_id: command.trigger_id,
    view: buildCampaignForm(t, {
      teams: settings.teams.map((team) => ({ id: team.id, name: team.name })),
      today: isoDay(now, timeZone),
      inAMonth: isoDay(now, timeZone, 30),
      timeZone,
    }),
  });
}
