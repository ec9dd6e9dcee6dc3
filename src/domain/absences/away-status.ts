import { localDay } from "../escalations/business-calendar.js";
import { ABSENCE_MAX_DAYS } from "./absence.types.js";
import { addDays } from "./absence-range.parser.js";

// A person's Slack status read as a hint that they are away: a holiday or sick emoji, or the
// words people put in a status in each language Rapport speaks. A hint only: Rapport asks the
// person before it marks them away, and a status that says nothing of the kind changes nothing.

export interface SlackStatus {
  text: string;
  emoji: string;
  /** Unix seconds when Slack clears it; 0 when it stays until changed. */
  expiration: number;
}

/** What the status suggests: away from today to `endsOn` (their days); `untilKnown` when it expires. */
export interface AwayHint {
  startsOn: string;
  endsOn: string;
  untilKnown: boolean;
  /** The status as the person wrote it, for the question. */
  shown: string;
}

const AWAY_EMOJI = new Set([
  ":palm_tree:",
  ":desert_island:",
  ":beach_with_umbrella:",
  ":airplane:",
  ":face_with_thermometer:",
  ":thermometer:",
  ":sneezing_face:",
  ":nauseated_face:",
  ":face_with_head_bandage:",
  ":mask:",
]);

// Whole words or phrases (lower case); stems end in "*".
const AWAY_WORDS = [
  // English
  "vacation",
  "vacationing",
  "holiday",
  "holidays",
  "on leave",
  "annual leave",
  "parental leave",
  "sick",
  "ooo",
  "out of office",
  "off today",
  "day off",
  // Portuguese
  "férias",
  "ferias",
  "licença",
  "doente",
  "fora do escritório",
  "ausente",
  "de folga",
  // Finnish
  "loma*",
  "sairas*",
  "sairausloma*",
  "poissa",
  "vapaalla",
  // Latvian
  "atvaļinājum*",
  "slims",
  "slima",
  "slimības*",
  "prombūtn*",
  // Hindi
  "छुट्टी",
  "अवकाश",
  "बीमार",
  // Tamil
  "விடுமுறை*",
  "விடுப்பு*",
  "உடல்நலமில்லை",
];

const letters = "\\p{L}\\p{M}";
const AWAY_TEXT = new RegExp(
  `(?<![${letters}])(?:${AWAY_WORDS.map((w) =>
    w.endsWith("*") ? `${w.slice(0, -1)}[${letters}]*` : `${w.replace(/ /g, "\\s+")}(?![${letters}])`,
  ).join("|")})`,
  "iu",
);

/** Whether this status reads as "away"; the days it suggests, read in `timeZone`. */
export function awayHintOf(status: SlackStatus, now: Date, timeZone: string): AwayHint | null {
  const text = status.text.normalize("NFC").slice(0, 200);
  if (!AWAY_EMOJI.has(status.emoji) && !AWAY_TEXT.test(text)) return null;
  const expiresAt = status.expiration > 0 ? status.expiration * 1000 : null;
  // An expired status (Slack clears it a little late) suggests nothing.
  if (expiresAt !== null && expiresAt <= now.getTime()) return null;
  const startsOn = localDay(now, timeZone);
  // A status that ends at midnight ends the day before.
  const lastDay = expiresAt === null ? startsOn : localDay(new Date(expiresAt - 1), timeZone);
  const furthest = addDays(startsOn, ABSENCE_MAX_DAYS - 1);
  return {
    startsOn,
    endsOn: lastDay > furthest ? furthest : lastDay,
    untilKnown: expiresAt !== null,
    shown: [status.emoji, text].filter(Boolean).join(" "),
  };
}
