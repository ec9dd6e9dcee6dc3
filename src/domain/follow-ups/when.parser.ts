// When a follow-up is due, as people type it: "in 3 days", "tomorrow",
// "next monday", "2026-12-01" — and the same in the team's other languages.

export type When =
  | { kind: "in"; minutes: number }
  | { kind: "day"; offsetDays: number }
  | { kind: "weekday"; weekday: number }
  | { kind: "date"; date: string };

const TOMORROW = ["tomorrow", "amanhã", "amanha", "huomenna", "rīt", "rit", "कल", "நாளை"];
const WEEKDAYS: Record<string, number> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
  segunda: 1,
  terça: 2,
  terca: 2,
  quarta: 3,
  quinta: 4,
  sexta: 5,
  sábado: 6,
  sabado: 6,
  domingo: 7,
  maanantai: 1,
  tiistai: 2,
  keskiviikko: 3,
  torstai: 4,
  perjantai: 5,
  lauantai: 6,
  sunnuntai: 7,
  pirmdiena: 1,
  otrdiena: 2,
  trešdiena: 3,
  ceturtdiena: 4,
  piektdiena: 5,
  sestdiena: 6,
  svētdiena: 7,
  // "ensi maanantaina", "nākamajā pirmdienā": the forms a weekday takes after "next".
  maanantaina: 1,
  tiistaina: 2,
  keskiviikkona: 3,
  torstaina: 4,
  perjantaina: 5,
  lauantaina: 6,
  sunnuntaina: 7,
  pirmdienā: 1,
  otrdienā: 2,
  trešdienā: 3,
  ceturtdienā: 4,
  piektdienā: 5,
  sestdienā: 6,
  svētdienā: 7,
  सोमवार: 1,
  मंगलवार: 2,
  बुधवार: 3,
  गुरुवार: 4,
  शुक्रवार: 5,
  शनिवार: 6,
  रविवार: 7,
  திங்கள்: 1,
  செவ்வாய்: 2,
  புதன்: 3,
  வியாழன்: 4,
  வெள்ளி: 5,
  சனி: 6,
  ஞாயிறு: 7,
};
const UNITS: Array<[RegExp, number]> = [
  [/^(hours?|horas?|tuntia?|tunnin|stundām?|stundas|घंटे|घंटों|மணி(?:நேரம்|நேரத்தில்)?)$/u, 60],
  [/^(days?|dias?|päivää?|päivän|dienām?|dienas|दिन|दिनों|நாட்களில்|நாள்)$/u, 60 * 24],
  [/^(weeks?|semanas?|viikkoa?|viikon|nedēļām?|nedēļas|सप्ताह|हफ़्ते|हफ्ते|வாரம்|வாரங்களில்)$/u, 60 * 24 * 7],
];

// Words that only join a time phrase together: "in", "next", "daqui a", "ensi", "pēc", "बाद"…
const JOINING = new Set([
  "in",
  "on",
  "next",
  "this",
  "em",
  "daqui",
  "a",
  "dentro",
  "de",
  "próxima",
  "próximo",
  "proxima",
  "proximo",
  "ensi",
  "päästä",
  "kuluttua",
  "pēc",
  "pec",
  "nākamā",
  "nākamajā",
  "nakama",
  "बाद",
  "में",
  "अगले",
  "अगला",
  "அடுத்த",
]);
const NUMBER = /^\d{1,4}$/;

/** A real day of the calendar, written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * Reads a whole phrase as a time, or nothing: every word must belong to it, so that in
 * "Delta Foods in 3 days" only "in 3 days" is a time and "Foods in 3 days" is not.
 */
export function parseWhen(text: string): When | null {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const joined = words.join(" ");
  if (words.length === 1 && isCalendarDate(joined)) return { kind: "date", date: joined };
  if (words.length === 1 && TOMORROW.includes(joined)) return { kind: "day", offsetDays: 1 };
  if (words.length === 1 && ["today", "hoje", "tänään", "šodien", "आज", "இன்று"].includes(joined))
    return { kind: "day", offsetDays: 0 };
  let number: number | undefined;
  let unit: number | undefined;
  let weekday: number | undefined;
  for (const word of words) {
    const asUnit = UNITS.find(([pattern]) => pattern.test(word))?.[1];
    const asWeekday = WEEKDAYS[word.replace(/-feira$/, "")];
    if (NUMBER.test(word) && number === undefined) number = Number(word);
    else if (asUnit !== undefined && unit === undefined) unit = asUnit;
    else if (asWeekday !== undefined && weekday === undefined) weekday = asWeekday;
    else if (!JOINING.has(word)) return null;
  }
  // "in 3 days", "daqui a 3 dias", "3 päivän päästä", "pēc 3 dienām", "3 दिन बाद", "3 நாட்களில்"
  if (number !== undefined && unit !== undefined && weekday === undefined)
    return number > 0 ? { kind: "in", minutes: number * unit } : null;
  // "next monday", "próxima segunda", "ensi maanantai", "nākamā pirmdiena"
  if (weekday !== undefined && number === undefined && unit === undefined) return { kind: "weekday", weekday };
  return null;
}
