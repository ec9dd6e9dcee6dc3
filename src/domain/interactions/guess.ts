import { clip } from "../text.js";
import { SUMMARY_MAX_LENGTH } from "./interaction.limits.js";
import type { Channel, Kind } from "./vocabulary.js";

// Guesses for free text (an intake post, a DM): who the customer is and what
// kind of interaction it is. People correct the guess with one click.

// The lookbehind starts an address only where a run of address characters starts: linear in the
// text (without it, a 40,000-character word took it 3.8 s).
const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const FROM_LINE = /^\s*(?:from|de|lähettäjä|no|से|அனுப்புநர்)\s*:\s*(.+)$/im;
const NAME_BEFORE_EMAIL = /^\s*"?([^"<]+?)"?\s*<[^>]+>\s*$/;
const PHONE = /(?:\+|\b)\d[\d\s().-]{6,18}\d\b/;

const KIND_HINTS: Array<[Kind, RegExp]> = [
  [
    "complaint",
    /complain|refund|broken|damaged|angry|unhappy|not happy|disappointed|late delivery|never arrived|reclama|queixa|avaria|valitus|hyvitys|rikki|sūdzīb|sudzib|शिकायत|खराब|புகார்/i,
  ],
  ["order", /\border\b|purchase|buy|quote|invoice|encomend|pedido|compra|tilaa|tilaus|pasūt|pasut|ऑर्डर|खरीद|ஆர்டர்/i],
  [
    "feedback",
    /thank|great service|suggest|feedback|compliment|obrigad|sugest|kiitos|palaute|paldies|धन्यवाद|सुझाव|நன்றி/i,
  ],
  ["question", /\?|how do|when will|can i|could you|como|quando|miten|milloin|kā |kad |कैसे|कब|எப்படி/i],
];

export interface Guess {
  /** What to look the customer up by: an email, a name or a phone number. */
  customer: string | null;
  /** Who to create when nobody matches. */
  newCustomer: { name: string; email: string | null; phone: string | null } | null;
  kind: Kind;
  channel: Channel;
  summary: string;
}

export function guessFromText(text: string, defaults: { channel: Channel; fallbackCustomer?: string | null }): Guess {
  const fromLine = FROM_LINE.exec(text)?.[1]?.trim();
  const fromName = fromLine ? NAME_BEFORE_EMAIL.exec(fromLine)?.[1]?.trim() : undefined;
  const email = (fromLine ? EMAIL.exec(fromLine)?.[0] : undefined) ?? EMAIL.exec(text)?.[0];
  const phone = PHONE.exec(text)?.[0];
  const customer = email ?? fromName ?? phone?.trim() ?? defaults.fallbackCustomer ?? null;
  const name = fromName ?? email ?? phone?.trim() ?? defaults.fallbackCustomer ?? null;
  const newCustomer = name ? { name, email: email ?? null, phone: phone?.trim() ?? null } : null;
  const kind = KIND_HINTS.find(([, pattern]) => pattern.test(text))?.[0] ?? "other";
  const channel = email && defaults.channel === "other" ? "email" : defaults.channel;
  return { customer, newCustomer, kind, channel, summary: clip(text.trim(), SUMMARY_MAX_LENGTH) };
}
