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

// "Acme Ltd called, …", "Maria Silva phoned about …": a name at the start, then the way they got in
// touch. The verb tells the channel; the words before it name the customer.
const CONTACT_VERBS: Array<[Channel, string[]]> = [
  [
    "phone",
    [
      "called",
      "phoned",
      "rang",
      "ligou",
      "telefonou",
      "soitti",
      "zvanīja",
      "zvanija",
      "ने फ़ोन किया",
      "ने फोन किया",
      "அழைத்தார்",
    ],
  ],
  [
    "email",
    ["emailed", "mailed", "wrote an email", "mandou email", "mandou um email", "sähköpostitti", "nosūtīja e-pastu"],
  ],
  ["in_person", ["came in", "walked in", "visited", "stopped by", "veio à loja", "esteve na loja", "kävi", "ieradās"]],
  [
    "chat",
    ["messaged", "texted", "wrote", "escreveu", "mandou mensagem", "kirjoitti", "rakstīja", "ने लिखा", "எழுதினார்"],
  ],
];
// Up to five words that look like a name: each starts with a capital or a digit (Acme Ltd, Store 12).
const NAME_WORDS =
  /^\s*((?:[\p{Lu}\p{Lt}\d][\p{L}\p{M}\d&'’.-]*\s+){0,4}[\p{Lu}\p{Lt}\d][\p{L}\p{M}\d&'’.-]*)\s*,?\s+$/u;

// Words that start a sentence about someone without naming them: "Someone called", "A customer rang",
// "Um cliente ligou", "Joku soitti", "Kāds klients zvanīja".
const NOT_A_NAME = new Set(
  [
    "someone",
    "somebody",
    "a",
    "an",
    "the",
    "customer",
    "client",
    "caller",
    "he",
    "she",
    "they",
    "we",
    "i",
    "nobody",
    "alguém",
    "alguem",
    "um",
    "uma",
    "o",
    "cliente",
    "ele",
    "ela",
    "joku",
    "asiakas",
    "hän",
    "he",
    "kāds",
    "kads",
    "klients",
    "viņš",
    "viņa",
    "कोई",
    "ग्राहक",
    "யாரோ",
    "வாடிக்கையாளர்",
    "ஒரு",
  ].map((word) => word.toLocaleLowerCase()),
);

function nameBeforeContactVerb(text: string): { name: string; channel: Channel } | undefined {
  const head = text.slice(0, 200);
  for (const [channel, verbs] of CONTACT_VERBS) {
    for (const verb of verbs) {
      const at = head.toLocaleLowerCase().indexOf(` ${verb}`);
      if (at <= 0) continue;
      const after = head[at + verb.length + 1];
      if (after !== undefined && /[\p{L}\p{M}]/u.test(after)) continue; // "called" inside "calledx"
      // The name opens the text ("Acme Ltd called") or the clause ("Hi team, Hooli called").
      const before = head.slice(0, at + 1);
      const clause = before.split(/[,;:!?\n—–]/).pop() ?? "";
      for (const candidate of [before, clause]) {
        const name = NAME_WORDS.exec(candidate)?.[1]?.trim();
        const first = name?.split(/\s+/)[0]?.toLocaleLowerCase() ?? "";
        if (name && !NOT_A_NAME.has(first)) return { name, channel };
      }
    }
  }
  return undefined;
}

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
  const contact = nameBeforeContactVerb(text);
  const customer = email ?? fromName ?? contact?.name ?? phone?.trim() ?? defaults.fallbackCustomer ?? null;
  const name = fromName ?? contact?.name ?? email ?? phone?.trim() ?? defaults.fallbackCustomer ?? null;
  const newCustomer = name ? { name, email: email ?? null, phone: phone?.trim() ?? null } : null;
  const kind = KIND_HINTS.find(([, pattern]) => pattern.test(text))?.[0] ?? "other";
  const channel = contact?.channel ?? (email && defaults.channel === "other" ? "email" : defaults.channel);
  return { customer, newCustomer, kind, channel, summary: clip(text.trim(), SUMMARY_MAX_LENGTH) };
}
