// The words people type for kinds and channels. Every language's words are
// accepted whatever the person's language, so the English forms always work.

export const KINDS = ["question", "order", "complaint", "feedback", "other"] as const;
export const CHANNELS = ["phone", "in_person", "email", "chat", "social", "other"] as const;
export const OUTCOMES = ["resolved", "pending", "escalated"] as const;
export const SENTIMENTS = ["positive", "neutral", "negative"] as const;

export type Kind = (typeof KINDS)[number];
export type Channel = (typeof CHANNELS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Sentiment = (typeof SENTIMENTS)[number];

export const DEFAULT_KIND: Kind = "question";
export const DEFAULT_CHANNEL: Channel = "phone";

const KIND_WORDS: Record<Kind, string[]> = {
  question: [
    "question",
    "query",
    "inquiry",
    "enquiry",
    "pergunta",
    "duvida",
    "kysymys",
    "jautajums",
    "prashn",
    "प्रश्न",
    "सवाल",
    "கேள்வி",
  ],
  order: [
    "order",
    "purchase",
    "buy",
    "sale",
    "order-request",
    "pedido",
    "encomenda",
    "tilaus",
    "pasutijums",
    "ऑर्डर",
    "आदेश",
    "ஆர்டர்",
  ],
  complaint: [
    "complaint",
    "complain",
    "issue",
    "problem",
    "claim",
    "reclamacao",
    "queixa",
    "valitus",
    "reklamaatio",
    "sudziba",
    "शिकायत",
    "புகார்",
  ],
  feedback: [
    "feedback",
    "praise",
    "compliment",
    "suggestion",
    "review",
    "elogio",
    "sugestao",
    "palaute",
    "atsauksme",
    "प्रतिक्रिया",
    "கருத்து",
  ],
  other: ["other", "misc", "outro", "muu", "cits", "अन्य", "மற்றவை"],
};

const CHANNEL_WORDS: Record<Channel, string[]> = {
  phone: [
    "phone",
    "call",
    "telephone",
    "tel",
    "telefone",
    "chamada",
    "ligacao",
    "soitto",
    "zvans",
    "puhelin",
    "tālrunis",
    "talrunis",
    "फोन",
    "தொலைபேசி",
  ],
  in_person: [
    "in person",
    "in-person",
    "inperson",
    "face-to-face",
    "f2f",
    "walk-in",
    "counter",
    "presencial",
    "loja",
    "paikan päällä",
    "kasvokkain",
    "klātienē",
    "klatiene",
    "व्यक्तिगत",
    "நேரில்",
  ],
  email: ["email", "e-mail", "mail", "correio", "sähköposti", "sahkoposti", "e-pasts", "epasts", "ईमेल", "மின்னஞ்சல்"],
  chat: [
    "chat",
    "live chat",
    "livechat",
    "website",
    "whatsapp",
    "sms",
    "mensagem",
    "viesti",
    "tērzēšana",
    "terzesana",
    "चैट",
    "அரட்டை",
  ],
  social: [
    "social",
    "social media",
    "twitter",
    "facebook",
    "instagram",
    "linkedin",
    "tiktok",
    "redes sociais",
    "sosiaalinen media",
    "sociālie tīkli",
    "सोशल",
    "சமூக ஊடகம்",
  ],
  other: ["other", "outro", "muu", "cits", "अन्य", "மற்றவை"],
};

const fold = (word: string) =>
  word
    .normalize("NFKD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();

function index<T extends string>(words: Record<T, string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, synonyms] of Object.entries(words) as Array<[T, string[]]>) {
    for (const word of synonyms) map.set(fold(word), value);
  }
  return map;
}

const kindIndex = index(KIND_WORDS);
const channelIndex = index(CHANNEL_WORDS);

export function kindOf(word: string): Kind | undefined {
  return kindIndex.get(fold(word));
}

export function channelOf(word: string): Channel | undefined {
  return channelIndex.get(fold(word)) ?? channelIndex.get(fold(word).replace(/[-_]/g, " "));
}

/** The longest channel phrase (one or two words) ending a list of words, if any. */
export function trailingChannel(words: string[]): { channel: Channel; length: number } | undefined {
  for (const length of [2, 1]) {
    if (words.length < length) continue;
    const channel = channelOf(words.slice(-length).join(" "));
    if (channel) return { channel, length };
  }
  return undefined;
}

/** Every kind word, for suggesting the closest one to a typo. */
export function allKindWords(): string[] {
  return [...kindIndex.keys()].filter((word) => word.length >= 4);
}
