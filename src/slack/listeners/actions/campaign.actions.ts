import type { OutreachResponse } from "../../../domain/campaigns/campaign.types.js";
import { clip } from "../../../domain/text.js";
import type { SlackDeps } from "../../deps.js";
import { plainText } from "../../mrkdwn.js";
import { CampaignRefSchema, decode, OutreachRefSchema } from "../../payloads.js";
import { buildCampaignNudge } from "../../views/campaign-nudge.view.js";
import { type ActionArgs, actionValue, actorOf } from "./interaction.actions.js";

/** Contacted / Accepted / Declined on a win-back nudge: recorded, and the nudge shows it. */
export function outreachResponseAction(deps: SlackDeps, response: OutreachResponse) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { o } = decode(OutreachRefSchema, actionValue(args));
    const { person } = await actorOf(args);
    const updated = await deps.campaigns.respond(person.member.workspaceId, o, person.member, response, (campaign) =>
      clip(
        plainText(person.t("campaign.contactSummary", { campaign: campaign.name, offer: campaign.offer }), 10_000),
        2_000,
      ),
    );
    await args.respond({ replace_original: true, ...buildCampaignNudge(person.t, updated) });
  };
}

/** Stop on the progress message: the campaign ends now, and the message says so. */
export function campaignStopAction(deps: SlackDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { c } = decode(CampaignRefSchema, actionValue(args));
    const { person } = await actorOf(args);
    await deps.campaigns.stop(person.member.workspaceId, c, person.member);
  };
}
