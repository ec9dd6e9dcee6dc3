// The words people type for a report's period, and for themselves, in each language Rapport speaks.
// A phrase of several words may be written with a space or a hyphen ("semana passada").

export type PeriodWord = "week" | "last" | "month" | "last-month";

const PERIOD_WORDS: Record<PeriodWord, string[]> = {
  week: [
    "week",
    "this",
    "this-week",
    "semana",
    "esta-semana",
    "viikko",
    "tämä-viikko",
    "nedēļa",
    "nedela",
    "šī-nedēļa",
    "सप्ताह",
    "हफ़्ता",
    "हफ्ता",
    "इस-सप्ताह",
    "வாரம்",
    "இந்த-வாரம்",
  ],
  last: [
    "last",
    "last-week",
    "passada",
    "anterior",
    "semana-passada",
    "viime",
    "edellinen",
    "viime-viikko",
    "pagājusī",
    "pagajusi",
    "iepriekšējā",
    "pagājušā-nedēļa",
    "पिछला",
    "पिछले",
    "पिछला-सप्ताह",
    "पिछले-सप्ताह",
    "கடந்த",
    "முந்தைய",
    "கடந்த-வாரம்",
  ],
  month: [
    "month",
    "this-month",
    "mês",
    "mes",
    "este-mês",
    "kuukausi",
    "tämä-kuukausi",
    "mēnesis",
    "menesis",
    "šis-mēnesis",
    "महीना",
    "इस-महीने",
    "மாதம்",
    "இந்த-மாதம்",
  ],
  "last-month": [
    "last-month",
    "mês-passado",
    "mes-passado",
    "viime-kuukausi",
    "pagājušais-mēnesis",
    "iepriekšējais-mēnesis",
    "पिछला-महीना",
    "पिछले-महीने",
    "கடந்த-மாதம்",
  ],
};

const BY_WORD = new Map(
  Object.entries(PERIOD_WORDS).flatMap(([period, words]) => words.map((w) => [w, period as PeriodWord] as const)),
);

/** "semana passada", "viime kuukausi", "पिछला सप्ताह" → the period they name, if they name one. */
export function periodWordOf(text: string): PeriodWord | undefined {
  return BY_WORD.get(text.trim().toLocaleLowerCase().replace(/\s+/g, "-"));
}

/** The words for oneself: `/rapport review me`, `eu`, `minä`, `es`, `मैं`, `நான்`. */
const SELF_WORDS = ["me", "eu", "mim", "minä", "mina", "itse", "es", "मैं", "मुझे", "நான்", "என்னை"];

/** The text after a word for oneself, or undefined when it does not start with one. */
export function afterSelfWord(text: string): string | undefined {
  const [first = "", ...rest] = text.trim().split(/\s+/);
  return SELF_WORDS.includes(first.toLocaleLowerCase()) ? rest.join(" ") : undefined;
}
