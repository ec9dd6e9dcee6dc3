import { formatDay } from "../../../i18n/i18n.js";
import { verbatim } from "../../../i18n/verbatim.js";
import { plainFromSlack } from "../../slack-text.js";
import { buildAbsenceList } from "../../views/absence-list.view.js";
import type { Subcommand, SubcommandInput } from "./subcommand.js";

// `/rapport away <days> [note]`, `away off`, `away @person <days> [note]` (their manager),
// `away @person off`, `away` alone: who is away, and `away past`: who was, the last 90 days.

const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>\s*/;

const say = (input: SubcommandInput, text: string) => input.respond({ response_type: "ephemeral", text });

export const awaySubcommand: Subcommand = async (input) => {
  const { person, deps, client, command } = input;
  const { t } = person;
  const raw = input.args.trim();
  if (!raw) {
    const absences = await deps.absences.upcoming(person.member);
    return void (await input.respond({ response_type: "ephemeral", ...buildAbsenceList(t, absences) }));
  }
  if (raw.toLowerCase() === "past") {
    const absences = await deps.absences.past(person.member);
    return void (await input.respond({ response_type: "ephemeral", ...buildAbsenceList(t, absences, "past") }));
  }
  const mention = MENTION.exec(raw);
  const slackId = mention?.[1];
  const target = slackId ? (await deps.identify(command.team_id, slackId, client)).member : person.member;
  // "… cover @ben": whom their work goes to while they are away.
  const afterMention = mention ? raw.slice(mention[0].length) : raw;
  const named = /(?:^|\s)cover\s+<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/i.exec(afterMention);
  const cover = named?.[1] ? (await deps.identify(command.team_id, named[1], client)).member : null;
  const rest = plainFromSlack(named ? afterMention.replace(named[0], " ") : afterMention).trim();
  const who = verbatim(`<@${target.slackUserId}>`);
  const self = target.id === person.member.id;

  if (rest.toLowerCase() === "off") {
    const ended = await deps.absences.comeBack(person.member, target.id);
    if (!ended) return void (await say(input, t("away.nothingToEnd")));
    return void (await say(input, self ? t("away.backSelf") : t("away.backOther", { person: who })));
  }
  if (!rest) return void (await say(input, t("away.usage")));
  const absence = await deps.absences.markAway(person.member, target.id, rest, cover?.id ?? null);
  const days = { from: formatDay(t, absence.startsOn), to: formatDay(t, absence.endsOn) };
  const saved = self ? t("away.savedSelf", days) : t("away.savedOther", { person: who, ...days });
  await say(input, cover ? `${saved} ${t("away.coveredBy", { person: verbatim(`<@${cover.slackUserId}>`) })}` : saved);
};
